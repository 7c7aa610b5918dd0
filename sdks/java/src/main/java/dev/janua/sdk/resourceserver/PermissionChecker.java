package dev.janua.sdk.resourceserver;

import dev.janua.sdk.JanuaClient;
import dev.janua.sdk.model.PermissionCheck;

import java.util.List;

/**
 * Authorizes a request in a resource server: verifies the access token offline, then checks the permissions —
 * from the token's claims when it carries them, otherwise by asking Janua
 * ({@code POST /users/{sub}/permissions/check} with the service's API key), because Janua's sign-in tokens carry
 * identity only and permissions are per organization on the server.
 *
 * <pre>{@code
 * PermissionChecker auth = new PermissionChecker(verifier, JanuaClient.builder().apiKey(key).baseUrl(url).build());
 * VerifiedToken t = auth.require(request.getHeader("Authorization"), orgId, "projects:write");
 * }</pre>
 */
public final class PermissionChecker {
    private final JanuaTokenVerifier verifier;
    private final JanuaClient client;

    /** {@code client} should hold an API key that may read permissions (or be null: claims only). */
    public PermissionChecker(JanuaTokenVerifier verifier, JanuaClient client) {
        this.verifier = verifier;
        this.client = client;
    }

    /** Verifies the token and answers whether it may do all of {@code permissions} in the organization. */
    public boolean isAllowed(String token, String organizationId, String... permissions) {
        return allowed(verifier.verify(token), organizationId, permissions);
    }

    /** Verifies the token and throws 403 {@code INSUFFICIENT_PERMISSIONS} unless every permission is granted. */
    public VerifiedToken require(String token, String organizationId, String... permissions) {
        VerifiedToken t = verifier.verify(token);
        if (!allowed(t, organizationId, permissions)) throw VerifiedToken.insufficient(String.join(" ", permissions));
        return t;
    }

    private boolean allowed(VerifiedToken t, String organizationId, String... permissions) {
        boolean fromClaims = true;
        for (String p : permissions) fromClaims &= organizationId == null ? t.hasPermission(p) : t.hasPermission(organizationId, p);
        if (fromClaims) return true;
        if (client == null) return false;
        PermissionCheck check = client.users().checkPermissions(t.subject(), organizationId, List.of(permissions));
        return check.granted();
    }
}
