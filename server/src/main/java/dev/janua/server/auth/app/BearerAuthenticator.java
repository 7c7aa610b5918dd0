package dev.janua.server.auth.app;

import dev.janua.server.apikeys.ApiKeys;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.security.CallerAuthenticator;
import dev.janua.server.sessions.Session;
import dev.janua.server.sessions.SessionDirectory;
import dev.janua.server.tokens.AccessTokens;
import dev.janua.server.tokens.AccessTokens.VerifiedAccessToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code Authorization: Bearer <access JWT>}: the signature and claims are checked, then the
 * session the token names must still be live — so sign-out and revocation take effect at once.
 * Server-side callers present an API key instead, as {@code Authorization: Bearer sk_…} or
 * {@code X-API-Key: sk_…}.
 */
@Component
public class BearerAuthenticator implements CallerAuthenticator {
    public static final String API_KEY_HEADER = "X-API-Key";
    /** Request attribute holding a {@link VerifiedAccessToken} for this request's bearer token, if already verified. */
    public static final String VERIFIED_TOKEN_ATTRIBUTE = VerifiedAccessToken.class.getName();
    private final AccessTokens tokens;
    private final SessionDirectory sessions;
    private final ApiKeys apiKeys;

    public BearerAuthenticator(AccessTokens tokens, SessionDirectory sessions, ApiKeys apiKeys) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.apiKeys = apiKeys;
    }

    @Override
    public Caller authenticate(HttpServletRequest request) {
        String token = bearerToken(request);
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (token == null && apiKey != null && !apiKey.isBlank()) return Caller.of(apiKeys.authenticate(apiKey.trim()));
        if (token == null) throw new JanuaException(ErrorCode.UNAUTHORIZED);
        if (ApiKeys.looksLikeKey(token)) return Caller.of(apiKeys.authenticate(token));
        // the rate-limit filter may have verified this very token already (it keys buckets by user)
        VerifiedAccessToken verified = request.getAttribute(VERIFIED_TOKEN_ATTRIBUTE) instanceof VerifiedAccessToken v
                ? v : tokens.verify(token);
        Session session = sessions.findLiveCached(verified.sessionId())
                .orElseThrow(() -> new JanuaException(ErrorCode.SESSION_EXPIRED));
        if (!session.userId().equals(verified.userId())) {
            throw new JanuaException(ErrorCode.INVALID_TOKEN, Map.of("reason", "session_mismatch"));
        }
        sessions.touch(session);
        return new Caller(verified.userId(), session.id(), verified.tokenId());
    }

    public static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
