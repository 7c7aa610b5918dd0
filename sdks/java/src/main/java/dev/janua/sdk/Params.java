package dev.janua.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of every request builder. Only the fields that were set are sent: the server treats an absent field
 * as "unchanged", so an update builder with one setter changes one field. {@link #param} reaches a field
 * the SDK does not name yet.
 */
public abstract class Params<P extends Params<P>> {
    private final Map<String, Object> values = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    protected final P set(String field, Object value) {
        if (value == null) values.remove(field);
        else values.put(field, value);
        return (P) this;
    }

    /** Sets any field by its server name (camelCase); null removes it. */
    public P param(String field, Object value) {
        return set(field, value);
    }

    /** A copy of what will be sent. */
    public Map<String, Object> toMap() {
        return new LinkedHashMap<>(values);
    }
}
