package dev.janua.server.tokens.app;

import dev.janua.server.platform.cache.BoundedMaps;
import dev.janua.server.tokens.AccessTokens.VerifiedAccessToken;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens this node has already verified, so a client presenting the same token again skips the
 * parse and the signature check (issue 16: the largest auth cost of {@code /auth/me}). Only the work is
 * saved, never a check that can change its answer:
 * <ul>
 *   <li>the key is the exact token string, so a token differing in any character (a forged payload, a
 *       swapped signature) misses and is verified in full;</li>
 *   <li>an entry is used only before the token's {@code exp} on the server's clock, and only with the
 *       verifier (key set and issuer) that verified it: a rotation or a changed issuer starts over;</li>
 *   <li>the session the token names is still checked on every request by the caller
 *       ({@code BearerAuthenticator}), so sign-out and revocation apply exactly as without this cache.</li>
 * </ul>
 * Only tokens that verified are stored, so made-up tokens cannot fill it; it holds at most
 * {@code janua.tokens.verified-cache-entries} entries (0 turns it off); when full, about a tenth are dropped
 * (expired or not: a dropped token is only verified again in full).
 */
final class VerifiedTokenCache {
    private record Entry(Object verifier, VerifiedAccessToken token) {}

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    VerifiedTokenCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The claims of {@code token} if {@code verifier} verified it and it has not expired at {@code now}; else null. */
    VerifiedAccessToken get(String token, Object verifier, Instant now) {
        if (maxEntries <= 0) return null;
        Entry e = entries.get(token);
        if (e == null) return null;
        if (e.verifier() != verifier || !now.isBefore(e.token().expiresAt())) {
            entries.remove(token, e);
            return null;
        }
        return e.token();
    }

    void put(String token, Object verifier, VerifiedAccessToken verified) {
        if (maxEntries <= 0) return;
        BoundedMaps.makeRoom(entries, maxEntries);
        entries.put(token, new Entry(verifier, verified));
    }

    /** The signing keys changed (here or, announced, on another node): nothing verified before counts. */
    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
