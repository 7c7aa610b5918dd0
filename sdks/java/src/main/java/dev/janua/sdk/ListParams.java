package dev.janua.sdk;

/** Arguments of a plain list: {@code limit}, {@code cursor}, and any filter by name ({@link #param}). */
public final class ListParams extends PageParams<ListParams> {
    public static ListParams builder() { return new ListParams(); }

    public ListParams status(String status) { return set("status", status); }
    public ListParams organizationId(String organizationId) { return set("organizationId", organizationId); }
}
