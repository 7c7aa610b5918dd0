package dev.janua.sdk;

/** Pagination arguments every list accepts: {@code limit} (1–100) and {@code cursor}; {@code page} where the server shows pages. */
public abstract class PageParams<P extends PageParams<P>> extends Params<P> {
    public P limit(int limit) {
        if (limit < 1 || limit > 100) throw new IllegalArgumentException("limit must be 1..100");
        return set("limit", limit);
    }

    /** The {@code nextCursor} of a previous page. Prefer cursors: keyset pages, stable while rows are inserted. */
    public P cursor(String cursor) { return set("cursor", cursor); }

    public P page(int page) { return set("page", page); }
}
