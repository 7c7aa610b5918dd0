package dev.janua.server.scim.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A list query (RFC 7644 §3.4.2): filter (parsed by UnboundID's parser, never turned into SQL text),
 * 1-based {@code startIndex}, {@code count} (0 asks for the total only; capped at {@link #MAX_COUNT}),
 * {@code sortBy}/{@code sortOrder}.
 */
public record SearchRequest(Filter filter, int startIndex, int count, String sortBy, boolean descending) {
    public static final int DEFAULT_COUNT = 100;
    public static final int MAX_COUNT = 1000;

    public static SearchRequest of(String filter, Integer startIndex, Integer count, String sortBy, String sortOrder) {
        Filter f = null;
        if (filter != null && !filter.isBlank()) {
            try {
                f = Filter.fromString(filter);
            } catch (BadRequestException e) {
                throw ScimProblem.badRequest(ScimProblem.INVALID_FILTER, e.getMessage());
            }
        }
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int n = count == null ? DEFAULT_COUNT : Math.max(0, Math.min(count, MAX_COUNT));
        String order = sortOrder == null ? "ascending" : sortOrder.toLowerCase(Locale.ROOT);
        if (!order.equals("ascending") && !order.equals("descending")) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_VALUE, "sortOrder is ascending or descending");
        }
        if (sortBy != null && !sortBy.isBlank()) {
            try {
                Path.fromString(sortBy);
            } catch (BadRequestException e) {
                throw ScimProblem.badRequest(ScimProblem.INVALID_PATH, "sortBy: " + e.getMessage());
            }
        }
        return new SearchRequest(f, start, n, sortBy == null || sortBy.isBlank() ? null : sortBy, order.equals("descending"));
    }

    /** Rows can come from the database in id order, a page at a time: nothing to filter or sort in memory. */
    public boolean plain() {
        return filter == null && sortBy == null;
    }

    public boolean matches(ObjectNode resource) {
        if (filter == null) return true;
        try {
            return FilterEvaluator.evaluate(filter, resource);
        } catch (ScimException e) {
            throw ScimProblem.badRequest(ScimProblem.INVALID_FILTER, e.getMessage());
        }
    }

    /** Filters, sorts and returns the requested page of {@code resources}, plus the total before paging. */
    public Page page(List<ObjectNode> resources) {
        List<ObjectNode> hits = new ArrayList<>();
        for (ObjectNode r : resources) if (matches(r)) hits.add(r);
        if (sortBy != null) {
            Path path = Path.of(sortBy);
            Comparator<ObjectNode> byValue = Comparator.comparing(r -> sortKey(path, r), Comparator.nullsLast(Comparator.naturalOrder()));
            hits.sort(descending ? byValue.reversed() : byValue);
        }
        int from = Math.min(hits.size(), startIndex - 1);
        int to = Math.min(hits.size(), from + count);
        return new Page(hits.size(), hits.subList(from, to));
    }

    private static String sortKey(Path path, ObjectNode r) {
        try {
            JsonNode v = JsonUtils.getValue(path, r);
            if (v == null || v.isNull() || v.isMissingNode()) return null;
            if (v.isArray()) v = v.isEmpty() ? null : v.get(0);
            return v == null ? null : (v.isObject() ? v.path("value").asText() : v.asText()).toLowerCase(Locale.ROOT);
        } catch (ScimException e) {
            return null;
        }
    }

    public record Page(long totalResults, List<ObjectNode> resources) {}
}
