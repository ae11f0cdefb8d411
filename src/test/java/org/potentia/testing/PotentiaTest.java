package org.potentia.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A whole-application test: the real server on a random port for API calls over HTTP,
 * MockMvc for the pages, and the fixtures of this package. Every class that uses it
 * shares one application context (and so one database), which keeps the suite fast; tests
 * therefore make their own users and records with unique names and never assume an empty
 * table. Passwords are hashed the quick way ({@link QuickPasswordHashing}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({ People.class, Api.class, Records.class, CatalogueRecords.class, QuickPasswordHashing.class })
public @interface PotentiaTest {

}
