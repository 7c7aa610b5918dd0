package dev.janua.server.graphql.web;

import dev.janua.server.platform.pagination.Cursors;
import dev.janua.server.platform.pagination.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A cursor connection over one of the services' pages. {@code pageInfo.endCursor} is the page's own
 * {@code nextCursor}, to pass back as {@code after}; each edge's cursor names its node by id.
 */
record Connection<T>(List<Edge<T>> edges, List<T> nodes, PageInfo pageInfo, Long totalCount) {
    record Edge<T>(String cursor, T node) {}

    record PageInfo(boolean hasNextPage, String endCursor) {}

    static <T> Connection<T> of(Page<T> page, Function<T, String> idOf) {
        List<Edge<T>> edges = new ArrayList<>();
        for (T node : page.data()) edges.add(new Edge<>(Cursors.encode(idOf.apply(node)), node));
        var p = page.pagination();
        return new Connection<>(edges, page.data(), new PageInfo(p.hasMore(), p.nextCursor()), p.totalCount());
    }

}
