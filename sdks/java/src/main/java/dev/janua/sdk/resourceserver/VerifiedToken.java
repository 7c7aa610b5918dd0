package dev.janua.sdk.resourceserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.janua.sdk.errors.AuthorizationException;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The claims of a verified access token, and permission/role checks on the claims it carries:
 * {@code permissions} (array or space-separated), {@code scope}/{@code scp}, {@code roles}/{@code role}, and per
 * organization {@code organizations: [{"id", "role", "permissions"}]} (with {@code org_id} naming the active one).
 * Permission matching follows Janua's rules: {@code *} grants everything, {@code resource:*} every action on
 * one resource.
 *
 * <p>Janua's own sign-in tokens carry identity only ({@code sub}, {@code sid}) — their permissions live on the
 * server, per organization. For those, use {@link PermissionChecker}, which asks Janua.
 */
public final class VerifiedToken {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode claims;

    VerifiedToken(JsonNode claims) {
        this.claims = claims;
    }

    public String subject() { return claims.path("sub").asText(null); }
    public String sessionId() { return claims.path("sid").asText(null); }
    public String tokenId() { return claims.path("jti").asText(null); }
    public String issuer() { return claims.path("iss").asText(null); }
    public Instant expiresAt() { return Instant.ofEpochSecond(claims.path("exp").asLong()); }
    public Instant issuedAt() { return claims.hasNonNull("iat") ? Instant.ofEpochSecond(claims.get("iat").asLong()) : null; }
    /** {@code org_id} when present (machine tokens of an organization's application). */
    public String organizationId() { return claims.path("org_id").asText(null); }

    /** One claim as a plain Java value, or null. */
    public Object claim(String name) {
        JsonNode n = claims.get(name);
        return n == null || n.isNull() ? null : JSON.convertValue(n, Object.class);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> claims() { return JSON.convertValue(claims, Map.class); }

    /** Permissions the token carries at top level ({@code permissions}, {@code scope}, {@code scp}). */
    public Set<String> permissions() {
        Set<String> out = new LinkedHashSet<>();
        collect(claims.get("permissions"), out);
        collect(claims.get("scope"), out);
        collect(claims.get("scp"), out);
        return Collections.unmodifiableSet(out);
    }

    /** Permissions the token carries for one organization (its {@code organizations} entry), plus the top-level ones. */
    public Set<String> permissions(String organizationId) {
        Set<String> out = new LinkedHashSet<>(permissions());
        JsonNode org = organization(organizationId);
        if (org != null) collect(org.get("permissions"), out);
        return Collections.unmodifiableSet(out);
    }

    public Set<String> roles() {
        Set<String> out = new LinkedHashSet<>();
        collect(claims.get("roles"), out);
        collect(claims.get("role"), out);
        return Collections.unmodifiableSet(out);
    }

    public boolean hasPermission(String permission) { return grants(permissions(), permission); }
    public boolean hasPermission(String organizationId, String permission) { return grants(permissions(organizationId), permission); }
    public boolean hasRole(String role) { return roles().contains(role); }

    public boolean hasRole(String organizationId, String role) {
        JsonNode org = organization(organizationId);
        return org != null && role.equals(org.path("role").asText(null)) || hasRole(role);
    }

    /** Throws 403 {@code INSUFFICIENT_PERMISSIONS} unless every permission is carried. */
    public VerifiedToken requirePermissions(String organizationId, String... permissions) {
        for (String p : permissions) {
            boolean ok = organizationId == null ? hasPermission(p) : hasPermission(organizationId, p);
            if (!ok) throw insufficient(p);
        }
        return this;
    }

    static AuthorizationException insufficient(String permission) {
        return new AuthorizationException("Missing permission " + permission, "INSUFFICIENT_PERMISSIONS", 403,
                Map.of("permission", permission), null, null, null);
    }

    /** Janua's matching: exact, {@code *}, or {@code resource:*}. */
    static boolean grants(Set<String> held, String permission) {
        if (held.contains(permission) || held.contains("*")) return true;
        int colon = permission.indexOf(':');
        return colon > 0 && held.contains(permission.substring(0, colon) + ":*");
    }

    private JsonNode organization(String organizationId) {
        for (JsonNode o : claims.path("organizations")) if (organizationId.equals(o.path("id").asText())) return o;
        return null;
    }

    private static void collect(JsonNode n, Set<String> out) {
        if (n == null || n.isNull()) return;
        if (n.isArray()) n.forEach(e -> out.add(e.asText()));
        else for (String s : n.asText().trim().split("\\s+")) if (!s.isEmpty()) out.add(s);
    }

    @Override
    public String toString() {
        return "VerifiedToken[sub=" + subject() + ", sid=" + sessionId() + ", exp=" + expiresAt() + "]";
    }
}
