package org.potentia.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application started with {@code potentia.demo=true} on a fresh embedded
 * database of its own (demo data fills only an empty database, so even a suite on a
 * shared PostgreSQL keeps this one apart). Every class that uses it shares one
 * application context; tests that change the demo data roll their change back, so that
 * the others see the demo data as made.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
		properties = { "potentia.demo=true", "spring.datasource.url=jdbc:h2:mem:demo-${random.uuid};DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "spring.datasource.password=" })
@Import({ RecordingDemoContributor.class, QuickPasswordHashing.class })
public @interface DemoDataTest {

}
