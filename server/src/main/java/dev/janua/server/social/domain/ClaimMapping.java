package dev.janua.server.social.domain;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A generic OAuth 2.0 provider's userinfo → {@link ExternalProfile}: each profile field names the
 * userinfo field that holds it, dotted for nested objects ({@code data.id}). Defaults follow OIDC's
 * standard claims, with {@code id} as a fallback subject (most non-OIDC APIs call it that).
 */
public final class ClaimMapping {
    public static final Set<String> FIELDS = Set.of("subject", "email", "emailVerified", "firstName", "lastName", "name", "picture");
    private static final Map<String, String> DEFAULTS = Map.of("subject", "sub", "email", "email", "emailVerified", "email_verified",
            "firstName", "given_name", "lastName", "family_name", "name", "name", "picture", "picture");

    private ClaimMapping() {}

    /** Rejects unknown fields and paths that are not plain dotted names. */
    public static Map<String, String> validate(Map<String, String> mapping) {
        if (mapping == null) return Map.of();
        mapping.forEach((k, v) -> {
            if (!FIELDS.contains(k)) throw new IllegalArgumentException("claimMapping." + k);
            if (v == null || !v.matches("[A-Za-z0-9_:$-]{1,100}(\\.[A-Za-z0-9_:$-]{1,100}){0,5}")) throw new IllegalArgumentException("claimMapping." + k);
        });
        return Map.copyOf(mapping);
    }

    public static ExternalProfile apply(Map<String, String> mapping, JsonNode info) {
        String subject = text(info, mapping.getOrDefault("subject", DEFAULTS.get("subject")));
        if (subject == null && !mapping.containsKey("subject")) subject = text(info, "id");
        if (subject == null) throw new IllegalArgumentException("subject");
        JsonNode verified = at(info, mapping.getOrDefault("emailVerified", DEFAULTS.get("emailVerified")));
        boolean isVerified = verified != null && (verified.asBoolean(false) || "true".equals(verified.asString("")));
        return new ExternalProfile(subject, text(info, field(mapping, "email")), isVerified, text(info, field(mapping, "firstName")),
                text(info, field(mapping, "lastName")), text(info, field(mapping, "name")), text(info, field(mapping, "picture")));
    }

    private static String field(Map<String, String> mapping, String name) {
        return mapping.getOrDefault(name, DEFAULTS.get(name));
    }

    static JsonNode at(JsonNode node, String path) {
        JsonNode n = node;
        for (String part : path.split("\\.")) {
            if (n == null || !n.isObject()) return null;
            n = n.get(part);
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    /** A string or number value at {@code path}, else null (numbers as their decimal text: GitHub's ids are numbers). */
    public static String text(JsonNode node, String path) {
        JsonNode n = at(node, path);
        if (n == null) return null;
        if (n.isString()) return n.asString();
        if (n.isIntegralNumber()) return n.bigIntegerValue().toString();
        return null;
    }
}
