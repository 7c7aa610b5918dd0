package dev.janua.server.users;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Filters of the admin user list; null means "any" ({@code mfaEnabled}: the console's filter). {@code search} matches name, email or
 * username (contains, case-insensitive); {@code sort} is {@code field:direction} over
 * {@code createdAt} (the id order: ids are time-ordered) or {@code email}.
 */
public record UserQuery(String status, String search, String email, Boolean emailVerified, String organizationId,
                        Instant createdAfter, Instant createdBefore, Sort sort, Boolean mfaEnabled) {

    /** Without the MFA filter (the API's list has none). */
    public UserQuery(String status, String search, String email, Boolean emailVerified, String organizationId,
                     Instant createdAfter, Instant createdBefore, Sort sort) {
        this(status, search, email, emailVerified, organizationId, createdAfter, createdBefore, sort, null);
    }

    public enum SortField { CREATED_AT, EMAIL }

    public record Sort(SortField field, boolean descending) {
        public static final Sort DEFAULT = new Sort(SortField.CREATED_AT, false);

        /** {@code created_at:desc}, {@code createdAt}, {@code -email}, {@code email:asc} … */
        public static Sort parse(String value) {
            if (value == null || value.isBlank()) return DEFAULT;
            String v = value.trim();
            boolean desc = v.startsWith("-");
            if (desc) v = v.substring(1);
            String[] parts = v.split(":", 2);
            if (parts.length == 2) {
                String dir = parts[1].toLowerCase(Locale.ROOT);
                if (!dir.equals("asc") && !dir.equals("desc")) throw invalid();
                desc = dir.equals("desc");
            }
            SortField field = switch (parts[0].replace("_", "").toLowerCase(Locale.ROOT)) {
                case "createdat", "id" -> SortField.CREATED_AT;
                case "email" -> SortField.EMAIL;
                default -> throw invalid();
            };
            return new Sort(field, desc);
        }

        private static JanuaException invalid() {
            return new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "sort", "reason", "unsupported",
                    "supported", "createdAt|email[:asc|:desc]"));
        }
    }
}
