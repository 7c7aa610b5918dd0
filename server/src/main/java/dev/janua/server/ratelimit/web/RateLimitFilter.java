package dev.janua.server.ratelimit.web;

import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.ErrorResponses;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.ratelimit.RateLimitCategory;
import dev.janua.server.ratelimit.RateLimits.Decision;
import dev.janua.server.ratelimit.app.BucketRateLimiter;
import dev.janua.server.ratelimit.app.RateLimitHeaders;
import dev.janua.server.tokens.AccessTokens;
import dev.janua.server.tokens.AccessTokens.VerifiedAccessToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts every request in one bucket and answers 429 {@code RATE_LIMITED} when it is empty; every
 * response carries {@code X-RateLimit-Limit/Remaining/Reset/Window/Bucket}. Buckets, first match wins:
 * sign-in-like POSTs per IP ({@code auth}, whatever token comes along, so a valid token of one's
 * own account buys no extra password guesses), API keys per key, verified access tokens per user,
 * everything else per IP ({@code default}). Limits keyed by email are taken by the services that
 * know the email. Runs right after the request id is set.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class RateLimitFilter extends OncePerRequestFilter {
    private static final Set<String> NOT_SIGN_IN = Set.of("/auth/refresh", "/auth/signout", "/auth/logout");
    private static final Set<String> HOSTED_CREDENTIAL_FORMS = Set.of("/hosted/sign-up", "/hosted/forgot-password",
            "/hosted/reset-password", "/hosted/magic-link", "/hosted/magic-link/sign-in", "/hosted/invitation/sign-up",
            "/hosted/account/password", "/hosted/account/mfa/disable", "/hosted/account/mfa/totp/confirm");
    private final BucketRateLimiter limiter;
    private final AccessTokens tokens;
    private final ErrorResponses errors;
    private final boolean trustProxy;

    public RateLimitFilter(BucketRateLimiter limiter, AccessTokens tokens, ErrorResponses errors, JanuaProperties properties) {
        this.limiter = limiter;
        this.tokens = tokens;
        this.errors = errors;
        this.trustProxy = properties.trustProxy();
    }

    private record Target(RateLimitCategory category, String key) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!limiter.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        if (isScim(request)) {
            // charged by the SCIM filter once it knows the token: per token when it is live, per IP otherwise
            chain.doFilter(request, response);
            return;
        }
        String ip = ClientInfo.from(request, trustProxy).ipAddress();
        Target target = classify(request, ip);
        Decision d = target.category().keyedByIp()
                ? limiter.tryConsumeByIp(target.category(), ip)
                : limiter.tryConsume(target.category(), target.key());
        RateLimitHeaders.write(response, d);
        if (!d.allowed()) {
            JanuaException refused = BucketRateLimiter.refused(d);
            errors.write(request, response, ErrorCode.RATE_LIMITED, refused.details());
            return;
        }
        chain.doFilter(request, response);
    }

    private Target classify(HttpServletRequest request, String ip) {
        String path = apiPath(request.getRequestURI());
        if ("POST".equals(request.getMethod()) && isSignIn(path)) return new Target(RateLimitCategory.AUTH, ip);
        String apiKey = request.getHeader("X-API-Key");
        String bearer = bearerToken(request);
        if (apiKey == null && bearer != null && bearer.startsWith("sk_")) apiKey = bearer;
        if (apiKey != null && !apiKey.isBlank()) return new Target(RateLimitCategory.API, Hashes.sha256Hex(apiKey.trim()));
        if (bearer != null) {
            try {
                VerifiedAccessToken verified = tokens.verify(bearer);
                // left for the bearer authenticator (same attribute name), so the token is verified once per request
                request.setAttribute(VerifiedAccessToken.class.getName(), verified);
                return new Target(RateLimitCategory.AUTHENTICATED, verified.userId());
            } catch (JanuaException invalid) {
                // an invalid token is charged to the caller's IP; the handler will refuse it
            }
        }
        return new Target(RateLimitCategory.DEFAULT, ip);
    }

    private static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /**
     * The SCIM paths, as the container mapped them (decoded and normalised, like the SCIM filter's URL
     * patterns), so a crafted raw URI cannot skip this filter without landing in the SCIM one.
     */
    static boolean isScim(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/api/v1/scim") || path.startsWith("/api/v1/scim/") || path.equals("/v1/scim") || path.startsWith("/v1/scim/");
    }

    static String apiPath(String uri) {
        if (uri.startsWith("/api/v1/")) return uri.substring(7);
        if (uri.startsWith("/v1/")) return uri.substring(3);
        return uri;
    }

    /** Credential-checking endpoints: where password guessing and sign-up abuse happen. */
    static boolean isSignIn(String path) {
        if (path.startsWith("/auth/")) return !NOT_SIGN_IN.contains(path);
        return path.startsWith("/passkeys/authenticate") || path.startsWith("/mfa/verify") || path.startsWith("/magic-link/verify")
                || path.startsWith("/hosted/sign-in") // the hosted sign-in pages spend the same password guesses
                || HOSTED_CREDENTIAL_FORMS.contains(path); // and the hosted forms that check passwords or emailed tokens
    }
}
