package org.potentia.testing;

import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

/**
 * The application's password encoder with the same algorithms and ids, but cheap: PBKDF2
 * with 1,000 iterations instead of 310,000. Hashing one password the real way takes about
 * half a second on a busy machine, and the tests make a user (and so a hash) in almost
 * every method; with the real encoder that was most of the suite's time.
 * {@code PasswordEncoderTests} checks the real encoder itself.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QuickPasswordHashing {

	/** The id the application hashes new passwords with. */
	public static final String PBKDF2 = "pbkdf2@SpringSecurity_v5_8";

	@Bean
	static BeanPostProcessor quickPasswordEncoder() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DelegatingPasswordEncoder) ? encoder() : bean;
			}

		};
	}

	private static PasswordEncoder encoder() {
		PasswordEncoder pbkdf2 = new Pbkdf2PasswordEncoder("", 16, 1000,
				SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
		return new DelegatingPasswordEncoder(PBKDF2, Map.of(PBKDF2, pbkdf2, "bcrypt", new BCryptPasswordEncoder(4)));
	}

}
