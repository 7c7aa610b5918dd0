package dev.janua.server.platform.pagination;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.util.Map;

/**
 * A validated page request: {@code limit} 1–100 (default 50), an opaque {@code cursor} (the key of
 * the last row seen), or — on the admin lists the seeds show with pages — a 1-based {@code page}.
 */
public record PageRequest(int limit, String after, Integer page) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
    /** Deep OFFSET pages cost a scan of every row before them; beyond this, page by cursor. */
    public static final int MAX_PAGE = 10_000;

    public static PageRequest of(Integer limit, String cursor, Integer page) {
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "limit", "reason", "must be between 1 and 100"));
        }
        if (page != null && (page < 1 || page > MAX_PAGE)) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "page", "reason", "must be between 1 and " + MAX_PAGE));
        }
        String after = cursor == null || cursor.isBlank() ? null : Cursors.decode(cursor);
        return new PageRequest(l, after, page);
    }

    /** Row offset for page-numbered requests; 0 when paging by cursor. */
    public int offset() {
        return page == null ? 0 : (page - 1) * limit;
    }

    public int fetchSize() {
        return limit + 1;
    }
}
