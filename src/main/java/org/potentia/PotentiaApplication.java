package org.potentia;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Potentia, a self-hosted sales CRM for leads and opportunities.
 */
@SpringBootApplication
public class PotentiaApplication {

	public static void main(String[] args) {
		SpringApplication.run(PotentiaApplication.class, args);
	}

}
