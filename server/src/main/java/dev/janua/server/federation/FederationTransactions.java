package dev.janua.server.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * Sign-ins started at an upstream provider and not yet finished, kept in the database so any node
 * can finish them. {@link #begin} mints the {@code state} (256 bits), the {@code nonce}, the PKCE
 * verifier and a browser-binding secret that travels only in an HttpOnly cookie
 * ({@link Started#cookieName()}); only hashes of the state and the binding are stored, the verifier
 * is sealed under the master key. {@link #consume} finds the transaction by state, checks the
 * browser's cookie (CSRF / login-CSRF defence, RFC 9700 §4.7) and spends it — a state works once.
 */
public interface FederationTransactions {
    /** Ten minutes from the redirect to the provider until the callback. */
    Duration TTL = Duration.ofMinutes(10);

    /**
     * A sign-in to start.
     *
     * @param kind            what the flow is for: {@code social}, {@code link} (a signed-in user adds an identity), {@code sso}
     * @param connectionId    the provider slug or SSO connection id; the callback must name the same one
     * @param organizationId  the organization the connection belongs to, or null
     * @param userId          the signed-in user of a {@code link} flow, else null
     * @param redirectUri     Janua's callback URL sent to the provider (sent again at the token endpoint)
     * @param returnTo        where the browser goes afterwards (an application's registered redirect URI or a hosted path)
     * @param clientState     the application's own {@code state}, echoed back to it
     * @param oidc            mint a nonce
     * @param pkce            mint a PKCE verifier (S256)
     * @param browserBound    false only when the application itself checks {@code clientState} on its
     *                        return (a cross-site SPA never receives Janua's cookie); a cookie, when
     *                        the browser sends one, is checked even then
     * @param data            small extra values the flow needs at the callback
     */
    record Start(String kind, String connectionId, String organizationId, String userId, String redirectUri, String returnTo,
                 String clientState, boolean oidc, boolean pkce, boolean browserBound, Map<String, String> data) {
        public Start {
            data = data == null ? Map.of() : Map.copyOf(data);
        }
    }

    /** What the start hands out: {@code state}, {@code nonce}, PKCE challenge, and the cookie to set. */
    record Started(String id, String state, String nonce, String codeChallenge, String cookieName, String bindingSecret,
                   Instant expiresAt) {}

    /** A spent transaction: everything the callback needs (the PKCE verifier in clear). */
    record Transaction(String id, String kind, String connectionId, String organizationId, String userId, String nonce,
                       String codeVerifier, String redirectUri, String returnTo, String clientState, Map<String, String> data,
                       Instant createdAt) {}

    Started begin(Start start);

    /**
     * Spends the transaction with this {@code state} for {@code connectionId}.
     *
     * @param cookies the request's cookie values by name (the binding cookie is looked up by the transaction's name)
     * @throws FederationException {@code OAUTH_STATE_INVALID} with reason {@code unknown}, {@code wrong_provider},
     *         {@code expired}, {@code used} or {@code browser_mismatch}
     */
    Transaction consume(String state, String connectionId, Function<String, String> cookies);

    /**
     * Adds a value to a transaction that is still open (Apple posts the user's name only once, with
     * the callback that must first bounce to pick up the cookie); unknown states are ignored.
     */
    void annotate(String state, String key, String value);
}
