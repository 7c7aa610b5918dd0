package dev.janua.server.platform.security;

import java.util.Objects;

/**
 * Who is calling: the user and the live session behind a verified access token. A handler that
 * declares a {@code Caller} parameter requires authentication; one that doesn't is public.
 */
public record Caller(String userId, String sessionId, String tokenId) {
    public Caller {
        Objects.requireNonNull(userId, "userId");
    }
}
