package org.potentia.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import org.potentia.testing.People;
import org.potentia.testing.Person;
import org.potentia.testing.PotentiaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page as a rep uses it in a browser: every widget loads by itself and the
 * charts draw without a console error; a widget is added at the end; dragging it by its
 * title to the top saves the order, and a reload keeps it.
 */
@PotentiaTest
class HomeDashboardBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Test
	void widgetsLoadAndAnAddedWidgetKeepsItsPlaceAfterADrag() {
		Person rep = this.people.rep();
		try (Browser browser = Browser.open("http://localhost:" + this.port)) {
			browser.signIn(rep.username(), rep.password());
			int widgets = allLoaded(browser);
			assertThat(widgets).isGreaterThanOrEqualTo(8);
			browser.find(By.cssSelector("[data-widget-chart='forecast'][data-drawn='true']"));
			browser.find(By.cssSelector("[data-widget-chart='lead_conversion'][data-drawn='true']"));

			new Select(browser.find(By.id("add-kind"))).selectByValue("overdue");
			new Select(browser.find(By.id("add-width"))).selectByValue("1");
			browser.click(By.id("add-widget-button"));
			assertThat(allLoaded(browser)).isEqualTo(widgets + 1);
			List<String> order = order(browser);
			String added = order.getLast();
			assertThat(browser.find(By.id("widget-" + added)).getAttribute("data-kind")).isEqualTo("overdue");

			WebElement handle = browser.find(By.cssSelector("#widget-" + added + " .widget-handle"));
			WebElement first = browser.find(By.cssSelector("#widget-" + order.get(0) + " .widget-handle"));
			browser.script("arguments[0].scrollIntoView({block: 'center'});", handle);
			new Actions(browser.driver()).clickAndHold(handle)
				.moveByOffset(10, 10)
				.moveToElement(first)
				.moveByOffset(-20, 0)
				.moveByOffset(0, 2)
				.release()
				.perform();
			browser.waitUntil((driver) -> "true".equals(browser.find(By.id("dashboard")).getAttribute("data-saved")));
			assertThat(order(browser).get(0)).isEqualTo(added);

			browser.get("/");
			allLoaded(browser);
			assertThat(order(browser).get(0)).isEqualTo(added);
			assertThat(order(browser)).containsExactlyInAnyOrderElementsOf(order);
		}
	}

	/**
	 * Waits until every widget has its figures, and answers how many there are.
	 */
	private static int allLoaded(Browser browser) {
		browser.find(By.id("dashboard"));
		int widgets = browser.findAll(By.cssSelector(".dashboard-widget")).size();
		browser.waitUntil(
				(driver) -> browser.findAll(By.cssSelector(".dashboard-widget .widget-content")).size() == widgets);
		return widgets;
	}

	private static List<String> order(Browser browser) {
		return browser.findAll(By.cssSelector(".dashboard-widget"))
			.stream()
			.map((widget) -> widget.getAttribute("data-widget-id"))
			.toList();
	}

}
