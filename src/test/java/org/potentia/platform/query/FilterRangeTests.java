package org.potentia.platform.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.potentia.testing.Api;
import org.potentia.testing.Api.Response;
import org.potentia.testing.People;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filter value that the field's column cannot hold (issue 11): a number with more
 * digits or decimal places than the column has, a date outside the years 1 to 9999. The
 * API answers 400 in the user's language, pointing at the {@code filter} parameter,
 * rather than passing it to the database, on every module that has such a field. A
 * written value the column cannot hold is a field error saying so.
 */
@PotentiaTest
class FilterRangeTests {

	@Autowired
	Api api;

	@Autowired
	People people;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			potentials                  | {"$eq":["amount","1e999999999"]}
			potentials                  | {"$gt":["amount","-1e-999999999"]}
			potentials                  | {"$gt":["amount",1e999999999]}
			potentials                  | {"$eq":["amount","1000000000000000"]}
			potentials                  | {"$eq":["amount","0.001"]}
			potentials                  | {"$in":["probability",["1e40"]]}
			potentials                  | {"$between":["amount","1","1e20"]}
			potentials                  | {"$eq":["account_id","1e30"]}
			potential_history           | {"$eq":["amount","1e999999999"]}
			potential_history           | {"$gt":["amount","-1e-999999999"]}
			potential_history           | {"$lt":["changed_at","+999999999-01-01T00:00:00Z"]}
			potential_monthly_snapshots | {"$eq":["amount","1e999999999"]}
			potential_monthly_snapshots | {"$gt":["amount","-1e-999999999"]}
			potential_daily_snapshots   | {"$eq":["amount","1e999999999"]}
			potential_daily_snapshots   | {"$gt":["amount","-1e-999999999"]}
			""")
	void aValueTheColumnCannotHoldIsABadFilter(String module, String filter) {
		Response response = this.api.as(this.people.admin()).get("/api/v1/" + module + "?filter=" + Api.encode(filter));

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		JsonNode error = response.json().path("errors").path(0);
		assertThat(error.path("status").asString()).isEqualTo("400");
		assertThat(error.path("source").path("parameter").asString()).isEqualTo("filter");
		assertThat(error.path("detail").asString()).contains("out of range");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			potentials                  | {"$eq":["amount","999999999999999.99"]}
			potentials                  | {"$gt":["amount","-1e3"]}
			potentials                  | {"$gte":["amount",0E-999999999]}
			potentials                  | {"$lte":["probability","100"]}
			potential_history           | {"$lt":["changed_at","9999-12-31T23:59:59Z"]}
			potential_daily_snapshots   | {"$gt":["amount","12.50"]}
			""")
	void aValueTheColumnHoldsIsAnswered(String module, String filter) {
		Response response = this.api.as(this.people.admin()).get("/api/v1/" + module + "?filter=" + Api.encode(filter));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			en | The filter value '1e999999999' is out of range for amount
			de | Der Filterwert '1e999999999' liegt außerhalb des Wertebereichs von amount
			""")
	void theAnswerIsInTheUsersLanguage(String language, String detail) {
		Response response = this.api.as(this.people.admin())
			.language(language)
			.get("/api/v1/potentials?filter=" + Api.encode("{\"$eq\":[\"amount\",\"1e999999999\"]}"));

		assertThat(response.json().path("errors").path(0).path("detail").asString()).startsWith(detail);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			amount              | 1e20
			amount              | 12.345
			probability         | 12.5
			""")
	void aWrittenValueTheColumnCannotHoldIsAFieldError(String attribute, String value) {
		Response response = this.api.as(this.people.admin())
			.post("/api/v1/potentials",
					Api.document("potentials", java.util.Map.of("name", "Range", attribute, value)));

		assertThat(response.status()).as(response.body()).isEqualTo(422);
		JsonNode error = response.json().path("errors").path(0);
		assertThat(error.path("source").path("pointer").asString()).isEqualTo("/data/attributes/" + attribute);
		assertThat(error.path("detail").asString())
			.isEqualTo("The value of '" + attribute + "' is out of range: the field cannot hold it.");
	}

}
