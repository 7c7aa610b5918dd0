package dev.janua.server.platform.persistence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The WHERE clause of a list query with optional filters: a condition joins only when its value
 * is present, and values always travel as bind parameters, never inside the SQL text.
 */
public final class Filters {
    private final StringJoiner clauses = new StringJoiner(" AND ");
    private final Map<String, Object> params = new LinkedHashMap<>();

    public Filters where(String clause) {
        clauses.add(clause);
        return this;
    }

    public Filters where(String clause, String name, Object value) {
        params.put(name, value);
        return where(clause);
    }

    /** Adds the clause only when {@code value} is not null. */
    public Filters whereIf(String clause, String name, Object value) {
        return value == null ? this : where(clause, name, value);
    }

    public Filters param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** {@code " WHERE a AND b"}, or an empty string when there is no condition. */
    public String sql() {
        return clauses.length() == 0 ? "" : " WHERE " + clauses;
    }

    public Map<String, Object> params() {
        return params;
    }

    /**
     * A case-insensitive "contains" pattern for {@code LIKE} against a lower-cased column, with the
     * LIKE wildcards of the term escaped (backslash is the default escape of H2 and PostgreSQL).
     */
    public static String containsPattern(String term) {
        String t = term.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + t + "%";
    }
}
