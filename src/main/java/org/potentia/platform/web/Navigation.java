package org.potentia.platform.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The main navigation: the entries the modules publish, in order ({@code @navigation} in
 * the layout). Modules not built are simply absent.
 */
@Component("navigation")
public class Navigation {

	private final List<NavigationItem> items;

	public Navigation(List<NavigationItem> items) {
		this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
	}

	public List<NavigationItem> items() {
		return this.items;
	}

	/**
	 * One entry of the main navigation.
	 *
	 * @param titleKey message key of the title
	 * @param path where it leads
	 * @param order position
	 */
	public record NavigationItem(String titleKey, String path, int order) {
	}

}
