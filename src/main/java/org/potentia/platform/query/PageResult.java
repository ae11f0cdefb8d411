package org.potentia.platform.query;

import java.util.List;
import java.util.Map;

/**
 * One page of a list: its rows (attribute name to value, plus
 * {@code <relation field>__label} for the display name of each relation) and the total
 * over all pages.
 */
public record PageResult(List<Map<String, Object>> rows, long total, int page, int size) {

	public long pages() {
		return Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasNext() {
		return this.page < pages();
	}

	public boolean hasPrevious() {
		return this.page > 1;
	}

}
