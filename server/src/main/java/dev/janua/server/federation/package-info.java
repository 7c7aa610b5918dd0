/**
 * Generic OAuth 2.0 / OpenID Connect relying party, shared by social login ({@code social}) and
 * enterprise OIDC SSO ({@code sso}). Nothing here knows a provider by name.
 *
 * <ul>
 *   <li>{@link dev.janua.server.federation.OidcDiscovery}: the provider's metadata from
 *       {@code /.well-known/openid-configuration} (OIDC Discovery 1.0 §4), cached, issuer checked.</li>
 *   <li>{@link dev.janua.server.federation.IdTokenValidator}: signature through the provider's JWKS
 *       ({@link dev.janua.server.federation.JwksCache}), alg allow-list (never {@code none}, never HS*
 *       unless asked), {@code iss}, {@code aud}/{@code azp}, {@code exp}/{@code iat} with a small skew,
 *       {@code nonce} (OIDC Core §3.1.3.7).</li>
 *   <li>{@link dev.janua.server.federation.AuthorizationRequest}: the front-channel request with
 *       {@code state}, {@code nonce} and PKCE S256 ({@link dev.janua.server.federation.Pkce}, RFC 7636).</li>
 *   <li>{@link dev.janua.server.federation.FederationTransactions}: the started sign-ins, in the
 *       database, bound to the browser that started them, spent once.</li>
 *   <li>{@link dev.janua.server.federation.OAuthClient}: the back channel — code for tokens
 *       (RFC 6749 §4.1.3), userinfo (OIDC Core §5.3).</li>
 * </ul>
 * Failures are {@link dev.janua.server.federation.FederationException}s: 4xx with a stable code
 * and a {@code reason}, never a 500.
 */
package dev.janua.server.federation;
