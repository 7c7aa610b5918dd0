package dev.janua.server.platform.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: either a user with the live session behind a verified access token, or an API
 * key ({@code sk_…}) used by server-side code. A handler that declares a {@code Caller} parameter
 * requires authentication; one that doesn't is public. API keys reach only handlers marked
 * {@link AcceptsApiKeys}, so every other handler can rely on {@link #userId()} being set.
 */
public record Caller(String userId, String sessionId, String tokenId, ApiKeyGrant apiKey) {
    public Caller {
        if (userId == null && apiKey == null) throw new NullPointerException("userId or apiKey");
    }

    public Caller(String userId, String sessionId, String tokenId) {
        this(Objects.requireNonNull(userId, "userId"), sessionId, tokenId, null);
    }

    public static Caller of(ApiKeyGrant apiKey) {
        return new Caller(null, null, null, Objects.requireNonNull(apiKey, "apiKey"));
    }

    public boolean isApiKey() {
        return apiKey != null;
    }

    /** The id recorded as the actor of changes: the user, or the API key acting for server code. */
    public String actorId() {
        return isApiKey() ? apiKey.keyId() : userId;
    }

    /**
     * What an API key may do: its id, its organization ({@code null} for a platform-scoped key) and
     * the permissions it was created with.
     */
    public record ApiKeyGrant(String keyId, String organizationId, Set<String> permissions) {
        public ApiKeyGrant {
            Objects.requireNonNull(keyId, "keyId");
            permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
        }

        public boolean platformScoped() {
            return organizationId == null;
        }
    }
}
