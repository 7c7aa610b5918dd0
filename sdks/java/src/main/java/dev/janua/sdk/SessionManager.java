package dev.janua.sdk;

import dev.janua.sdk.errors.AuthenticationException;
import dev.janua.sdk.errors.JanuaException;
import dev.janua.sdk.model.Tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Holds the signed-in session's tokens and refreshes them with <b>one refresh in flight</b>: refresh tokens are
 * single use, so concurrent callers that find the access token expiring share the first caller's
 * {@code POST /auth/refresh} (a {@link CompletableFuture}) instead of each spending the same refresh token.
 * A caller that arrives after the refresh finished sees that the token changed and uses the new one.
 */
final class SessionManager {
    /** Refresh ahead of expiry so a token does not expire between the check and the server's. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final Object lock = new Object();
    private final Function<String, Tokens> refresher;
    private final Consumer<Tokens> onTokens;
    private final Clock clock;
    private Tokens tokens;
    private CompletableFuture<Tokens> inflight;

    SessionManager(Function<String, Tokens> refresher, Consumer<Tokens> onTokens, Clock clock) {
        this.refresher = refresher;
        this.onTokens = onTokens;
        this.clock = clock;
    }

    Tokens current() {
        synchronized (lock) {
            return tokens;
        }
    }

    /** Stores a pair the server just issued and tells {@code onTokens}. */
    void store(Tokens t) {
        set(t);
        if (onTokens != null) onTokens.accept(t);
    }

    /** Stores a pair the application restored; {@code onTokens} is not told (it came from there). */
    void set(Tokens t) {
        synchronized (lock) {
            tokens = t;
        }
    }

    void clear() {
        set(null);
    }

    boolean expiring(Tokens t) {
        return t.expiresAt() != null && !t.expiresAt().isAfter(clock.instant().plus(EXPIRY_MARGIN));
    }

    /** The access token to send now, refreshed first when it is about to expire; null without a session. */
    Tokens usable() {
        Tokens t = current();
        if (t == null || !expiring(t) || t.refreshToken() == null) return t;
        return refresh(t.accessToken());
    }

    /**
     * Refreshes unless someone already replaced {@code staleAccessToken} with a usable token; pass null to
     * force a refresh. Concurrent callers share one request.
     */
    Tokens refresh(String staleAccessToken) {
        CompletableFuture<Tokens> f;
        boolean leader = false;
        String refreshToken;
        synchronized (lock) {
            if (tokens == null || tokens.refreshToken() == null) {
                throw new AuthenticationException("Not signed in: no refresh token", "NOT_AUTHENTICATED", 0,
                        null, null, null, null);
            }
            if (staleAccessToken != null && !tokens.accessToken().equals(staleAccessToken) && !expiring(tokens)) {
                return tokens;
            }
            if (inflight == null) {
                inflight = new CompletableFuture<>();
                leader = true;
            }
            f = inflight;
            refreshToken = tokens.refreshToken();
        }
        if (leader) {
            try {
                Tokens fresh = refresher.apply(refreshToken);
                synchronized (lock) {
                    tokens = fresh;
                    inflight = null;
                }
                f.complete(fresh);
                if (onTokens != null) onTokens.accept(fresh);
            } catch (RuntimeException e) {
                synchronized (lock) {
                    inflight = null;
                    // INVALID_REFRESH_TOKEN, REFRESH_TOKEN_REUSED, SESSION_EXPIRED: the user must sign in again
                    if (e instanceof AuthenticationException) tokens = null;
                }
                f.completeExceptionally(e);
            }
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof JanuaException je) throw je;
            throw e;
        }
    }
}
