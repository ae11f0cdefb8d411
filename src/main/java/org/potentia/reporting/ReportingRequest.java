package org.potentia.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.potentia.reporting.ReportQuery.Aggregate;
import org.potentia.reporting.ReportQuery.Column;
import org.potentia.reporting.ReportQuery.DateBucket;
import org.potentia.reporting.ReportQuery.Group;
import org.potentia.reporting.ReportQuery.Order;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/reporting} in the CRM-service dialect, read into a
 * {@link ReportQuery}: {@code from}, {@code select} (terms such as {@code stage_id},
 * {@code $sum(amount) as total}, {@code $count.distinct(account_id)},
 * {@code $month(expected_close_date) as month}), {@code where} in the filter language,
 * {@code group}, {@code order} ({@code -total}) and {@code limit}. Select, group and
 * order are comma-separated text or arrays of text. Problems point into the body
 * ({@code /select/1}).
 */
public final class ReportingRequest {

	private static final Pattern TERM = Pattern.compile(
			"\\s*(?:\\$([A-Za-z.]+)\\(\\s*([A-Za-z0-9_.]*)\\s*\\)|([A-Za-z0-9_.]+))(?:\\s+[aA][sS]\\s+(\\S+))?\\s*");

	private static final Set<String> MEMBERS = Set.of("from", "select", "where", "group", "order", "limit", "include");

	private ReportingRequest() {
	}

	/**
	 * Reads the body.
	 * @throws ReportException pointing at the member at fault
	 */
	public static ReportQuery read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new ReportException("error.report.api.body", "");
		}
		for (String member : body.propertyNames()) {
			if (!MEMBERS.contains(member)) {
				throw new ReportException("error.report.api.member", "/" + member, member);
			}
		}
		JsonNode from = body.get("from");
		if (from == null || !from.isString() || from.asString().isBlank()) {
			throw new ReportException("error.report.no_module", "/from");
		}
		List<Column> columns = new ArrayList<>();
		List<String> select = terms(body.get("select"), "/select");
		for (int i = 0; i < select.size(); i++) {
			columns.add(column(select.get(i), "/select/" + i));
		}
		List<Group> groups = new ArrayList<>();
		List<String> group = terms(body.get("group"), "/group");
		for (int i = 0; i < group.size(); i++) {
			groups.add(group(group.get(i), "/group/" + i));
		}
		List<Order> order = new ArrayList<>();
		for (String term : terms(body.get("order"), "/order")) {
			String name = term.trim();
			boolean descending = name.startsWith("-");
			order.add(new Order(descending ? name.substring(1).trim() : name, descending));
		}
		JsonNode where = body.get("where");
		String filter = (where == null || where.isNull()) ? null : where.toString();
		Integer limit = null;
		JsonNode limitNode = body.get("limit");
		if (limitNode != null && !limitNode.isNull()) {
			if (!limitNode.isIntegralNumber() || !limitNode.canConvertToInt()) {
				throw new ReportException("error.report.limit", "/limit", ReportEngine.MAX_ROWS);
			}
			limit = limitNode.intValue();
		}
		return new ReportQuery(from.asString().trim(), columns, filter, groups, order, limit);
	}

	/**
	 * A problem the engine found, pointing into the body rather than at the query's
	 * parts.
	 */
	public static ReportException pointIntoBody(ReportException problem) {
		String pointer = problem.getPointer();
		String mapped = pointer.replaceFirst("^/columns", "/select")
			.replaceFirst("^/groups", "/group")
			.replaceFirst("^/filter", "/where")
			.replaceFirst("^/module", "/from");
		return problem.at(mapped);
	}

	private static List<String> terms(JsonNode node, String pointer) {
		List<String> result = new ArrayList<>();
		if (node == null || node.isNull()) {
			return result;
		}
		if (node.isString()) {
			for (String part : node.asString().split(",")) {
				if (!part.isBlank()) {
					result.add(part.trim());
				}
			}
			return result;
		}
		if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				if (!node.get(i).isString()) {
					throw new ReportException("error.report.api.term", pointer + "/" + i);
				}
				result.add(node.get(i).asString().trim());
			}
			return result;
		}
		throw new ReportException("error.report.api.term", pointer);
	}

	private static Column column(String term, String pointer) {
		Matcher matcher = match(term, pointer);
		String alias = matcher.group(4);
		if (matcher.group(3) != null) {
			return new Column(matcher.group(3), null, alias, null);
		}
		String function = matcher.group(1).toLowerCase(Locale.ROOT);
		String field = matcher.group(2);
		DateBucket bucket = bucket(function);
		if (bucket != null) {
			return new Column(field, null, alias, bucket);
		}
		Aggregate aggregate = switch (function) {
			case "count" -> Aggregate.COUNT;
			case "count.distinct" -> Aggregate.COUNT_DISTINCT;
			case "sum" -> Aggregate.SUM;
			case "avg" -> Aggregate.AVG;
			case "min" -> Aggregate.MIN;
			case "max" -> Aggregate.MAX;
			default -> throw new ReportException("error.report.api.function", pointer, "$" + function);
		};
		return new Column(field.isEmpty() ? "id" : field, aggregate, alias, null);
	}

	private static Group group(String term, String pointer) {
		Matcher matcher = match(term, pointer);
		if (matcher.group(4) != null) {
			throw new ReportException("error.report.api.term", pointer);
		}
		if (matcher.group(3) != null) {
			return new Group(matcher.group(3), null);
		}
		String function = matcher.group(1).toLowerCase(Locale.ROOT);
		DateBucket bucket = bucket(function);
		if (bucket == null) {
			throw new ReportException("error.report.api.function", pointer, "$" + function);
		}
		return new Group(matcher.group(2), bucket);
	}

	private static Matcher match(String term, String pointer) {
		Matcher matcher = TERM.matcher(term);
		if (!matcher.matches()) {
			throw new ReportException("error.report.api.term", pointer);
		}
		return matcher;
	}

	private static DateBucket bucket(String function) {
		for (DateBucket bucket : DateBucket.values()) {
			if (bucket.code().equals(function)) {
				return bucket;
			}
		}
		return null;
	}

}
