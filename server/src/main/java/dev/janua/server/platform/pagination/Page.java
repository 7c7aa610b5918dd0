package dev.janua.server.platform.pagination;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * The list shape of the API: {@code {"data": [...], "pagination": {limit, hasMore, nextCursor, totalCount}}}.
 */
public record Page<T>(List<T> data, Pagination pagination) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pagination(int limit, boolean hasMore, String nextCursor, Long totalCount, Integer page) {}

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that more
     * exist; the cursor is made from the last row returned.
     */
    public static <T> Page<T> fromRows(List<T> rowsPlusOne, PageRequest request, Function<T, String> cursorOf, Long total) {
        boolean hasMore = rowsPlusOne.size() > request.limit();
        List<T> rows = hasMore ? rowsPlusOne.subList(0, request.limit()) : rowsPlusOne;
        String next = hasMore && !rows.isEmpty() ? Cursors.encode(cursorOf.apply(rows.getLast())) : null;
        return new Page<>(List.copyOf(rows), new Pagination(request.limit(), hasMore, next, total, request.page()));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(data.stream().map(mapper).toList(), pagination);
    }
}
