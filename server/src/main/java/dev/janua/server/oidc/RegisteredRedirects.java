package dev.janua.server.oidc;

/**
 * Whether a URL is a redirect URI some application registered, compared exactly (RFC 9700 §4.1.3:
 * no prefix, no wildcard, no normalisation). Other ways in (social login, SSO) use it to decide
 * where they may send the browser back, by the same rule as the authorization endpoint.
 */
public interface RegisteredRedirects {
    boolean isRegistered(String uri);
}
