package dev.janua.server.apikeys;

import dev.janua.server.platform.security.Caller;

/** Authenticates server-side callers by API key ({@code sk_…}), for the auth module's bearer check. */
public interface ApiKeys {
    String PREFIX = "sk_";

    static boolean looksLikeKey(String credential) {
        return credential != null && credential.startsWith(PREFIX);
    }

    /**
     * Returns the key's grant, or throws 401 {@code INVALID_API_KEY} with {@code reason} unknown,
     * expired or revoked. Records the use (at most once a minute per key).
     */
    Caller.ApiKeyGrant authenticate(String rawKey);
}
