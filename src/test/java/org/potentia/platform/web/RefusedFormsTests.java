package org.potentia.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a refused form carries back to its page: the posted values in order, but no
 * secrets, no CSRF token, and nothing too large for the session.
 */
class RefusedFormsTests {

	@Test
	void keepsThePostedValuesButNoSecrets() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/workflows/mail");
		request.addParameter("host", "smtp.example.com");
		request.addParameter("mapping", "name", "", "email");
		request.addParameter("_csrf", "c5rf");
		request.addParameter("password", "hunter2");
		request.addParameter("newPassword", "hunter3");
		request.addParameter("webhookSecret", "s3cret");
		request.addParameter("apiToken", "t0ken");

		RefusedForms.RefusedForm kept = RefusedForms.of(request);

		assertThat(kept.action()).isEqualTo("/admin/workflows/mail");
		assertThat(kept.values()).containsExactly(new RefusedForms.Value("host", "smtp.example.com"),
				new RefusedForms.Value("mapping", "name"), new RefusedForms.Value("mapping", ""),
				new RefusedForms.Value("mapping", "email"));
	}

	@Test
	void leavesOutWhatIsTooLargeForTheSession() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/forms/1");
		request.addParameter("huge", "x".repeat(RefusedForms.MAX_VALUE_LENGTH + 1));
		request.addParameter("fits", "x".repeat(RefusedForms.MAX_VALUE_LENGTH));
		for (int i = 0; i < RefusedForms.MAX_VALUES + 50; i++) {
			request.addParameter("many", String.valueOf(i));
		}

		RefusedForms.RefusedForm kept = RefusedForms.of(request);

		assertThat(kept.values()).hasSize(RefusedForms.MAX_VALUES);
		assertThat(kept.values()).extracting(RefusedForms.Value::name).doesNotContain("huge").contains("fits");
	}

	@Test
	void keepsNoMoreThanTheSessionShouldHoldInAll() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/forms/1");
		int each = RefusedForms.MAX_VALUE_LENGTH;
		int fitting = RefusedForms.MAX_TOTAL_LENGTH / each;
		for (int i = 0; i < fitting + 3; i++) {
			request.addParameter("text" + i, "x".repeat(each));
		}
		request.addParameter("short", "no room left for this");

		RefusedForms.RefusedForm kept = RefusedForms.of(request);

		assertThat(kept.values()).hasSize(fitting);
		assertThat(kept.values()).extracting(RefusedForms.Value::name).doesNotContain("short");
		assertThat(kept.values().stream().mapToInt((value) -> value.value().length()).sum())
			.isLessThanOrEqualTo(RefusedForms.MAX_TOTAL_LENGTH);
	}

}
