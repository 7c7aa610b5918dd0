package dev.janua.sdk;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a list: {@code {"data": [...], "pagination": {"limit", "hasMore", "nextCursor", "totalCount"}}}.
 * Iterating a page walks its items; {@link #autoPagingIterable()} walks every item of every following page by
 * cursor, fetching lazily (sdks/README.md §5).
 */
public final class Page<T> implements Iterable<T> {
    private final List<T> data;
    private final boolean hasMore;
    private final String nextCursor;
    private final Long totalCount;
    private final Integer limit;
    private final Function<String, Page<T>> fetchAfter;

    Page(JsonNode body, Function<JsonNode, T> item, Function<String, Page<T>> fetchAfter) {
        List<T> items = new ArrayList<>();
        body.path("data").forEach(n -> items.add(item.apply(n)));
        JsonNode p = body.path("pagination");
        this.data = Collections.unmodifiableList(items);
        this.nextCursor = p.hasNonNull("nextCursor") ? p.get("nextCursor").asText() : null;
        this.hasMore = p.path("hasMore").asBoolean(false) && nextCursor != null;
        this.totalCount = p.hasNonNull("totalCount") ? p.get("totalCount").asLong() : null;
        this.limit = p.hasNonNull("limit") ? p.get("limit").asInt() : null;
        this.fetchAfter = fetchAfter;
    }

    public List<T> data() { return data; }
    public boolean hasMore() { return hasMore; }
    public String nextCursor() { return nextCursor; }
    /** Total across pages when the server counted it; null otherwise. */
    public Long totalCount() { return totalCount; }
    public Integer limit() { return limit; }
    public int size() { return data.size(); }
    public T get(int index) { return data.get(index); }

    /** The following page, or null on the last one. */
    public Page<T> nextPage() {
        return hasMore ? fetchAfter.apply(nextCursor) : null;
    }

    @Override
    public Iterator<T> iterator() { return data.iterator(); }

    /** Every item from this page on, fetching further pages as the iteration reaches them. */
    public Iterable<T> autoPagingIterable() {
        return () -> new Iterator<>() {
            Page<T> page = Page.this;
            Iterator<T> it = page.iterator();

            @Override
            public boolean hasNext() {
                while (!it.hasNext()) {
                    if (page == null || !page.hasMore) return false;
                    page = page.nextPage();
                    if (page == null) return false;
                    it = page.iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return it.next();
            }
        };
    }

    /** {@link #autoPagingIterable()} as a lazy stream. */
    public Stream<T> autoPagingStream() {
        return StreamSupport.stream(autoPagingIterable().spliterator(), false);
    }
}
