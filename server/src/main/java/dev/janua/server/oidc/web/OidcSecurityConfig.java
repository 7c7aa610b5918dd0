package dev.janua.server.oidc.web;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.oidc.app.ActiveKeyJwtEncoder;
import dev.janua.server.oidc.app.OidcTokens;
import dev.janua.server.oidc.app.RefreshTokenFamilies;
import dev.janua.server.oidc.persistence.JdbcRefreshFamilies;
import dev.janua.server.platform.events.EventPublisher;
import java.time.Clock;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationProvider;
import org.springframework.transaction.support.TransactionTemplate;
import dev.janua.server.oidc.domain.ClientSecrets;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.tokens.SigningKeys;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Janua as an OpenID Provider, on Spring Authorization Server. Its own filter chain covers only the
 * protocol endpoints and is ordered first, so the API chain's rules never apply to them:
 * discovery ({@code /.well-known/openid-configuration}, {@code /.well-known/oauth-authorization-server}),
 * {@code /oauth2/authorize|token|introspect|revoke|par}, the device grant's
 * {@code /oauth2/device_authorization|device_verification}, {@code /userinfo}, {@code /connect/logout}.
 * The JWK set stays {@code /.well-known/jwks.json} (served by the tokens module from the same keys).
 * A person who is not signed in is sent to the hosted sign-in page and brought back to the
 * authorization request afterwards; the consent page is hosted too.
 */
@Configuration(proxyBeanMethods = false)
public class OidcSecurityConfig {
    public static final int ORDER = 10;
    static final String DEVICE_AUTHORIZATION_PATH = "/oauth2/device_authorization";
    static final String DEVICE_VERIFICATION_PATH = "/oauth2/device_verification";
    static final String[] ENDPOINTS = {"/oauth2/**", "/userinfo", "/connect/logout", "/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server"};

    @Bean
    AuthorizationServerSettings authorizationServerSettings(JanuaProperties properties) {
        AuthorizationServerSettings.Builder b = AuthorizationServerSettings.builder()
                .jwkSetEndpoint("/.well-known/jwks.json")
                .oidcUserInfoEndpoint("/userinfo")
                .oidcLogoutEndpoint("/connect/logout");
        // Without a configured issuer the server answers with the URL it was reached at (development, tests).
        String issuer = !properties.tokens().issuer().isBlank() ? properties.tokens().issuer() : properties.baseUrl();
        if (!issuer.isBlank()) b.issuer(issuer.replaceAll("/+$", ""));
        return b.build();
    }

    @Bean
    org.springframework.security.core.session.SessionRegistry oidcSessionRegistry() {
        return new dev.janua.server.oidc.app.NoSessionRegistry();
    }

    @Bean
    JWKSource<SecurityContext> oidcJwkSource(OidcTokens tokens) {
        return tokens.jwkSource();
    }

    /** Signs the provider's tokens with the key ring's own signer (AWS-LC's RS256 once loaded); see the class. */
    @Bean
    JwtEncoder oidcJwtEncoder(SigningKeys keys, JWKSource<SecurityContext> jwkSource) {
        return new ActiveKeyJwtEncoder(keys, new NimbusJwtEncoder(jwkSource));
    }

    /** Verifies the provider's access tokens at {@code /userinfo}: Janua's keys, Janua's algorithm only. */
    @Bean
    JwtDecoder oidcJwtDecoder(JWKSource<SecurityContext> jwkSource, SigningKeys keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(keys.algorithm(), jwkSource));
        processor.setJWTClaimsSetVerifier((claims, context) -> {}); // NimbusJwtDecoder validates exp/nbf itself
        return new NimbusJwtDecoder(processor);
    }

    @Bean
    @Order(ORDER)
    SecurityFilterChain oidcProviderSecurity(HttpSecurity http, HostedSecurity hosted, RegisteredClientRepository clients,
                                             OAuth2AuthorizationService authorizations,
                                             OAuth2AuthorizationConsentService consents, OidcTokens tokens,
                                             AuthorizationServerSettings settings, JdbcRefreshFamilies spentTokens,
                                             EventPublisher events, TransactionTemplate tx, Clock clock,
                                             JanuaProperties properties) throws Exception {
        java.util.function.Function<AuthenticationProvider, AuthenticationProvider> refreshFamilies =
                p -> new RefreshTokenFamilies(p, spentTokens, events, tx, clock, properties);
        http.securityMatcher(ENDPOINTS)
                .oauth2AuthorizationServer(as -> as
                        .registeredClientRepository(clients)
                        .authorizationService(authorizations)
                        .authorizationConsentService(consents)
                        .authorizationServerSettings(settings)
                        .clientAuthentication(c -> c
                                .authenticationConverter(DevicePublicClients.converter(DEVICE_AUTHORIZATION_PATH, "/oauth2/token"))
                                .authenticationProvider(DevicePublicClients.provider(clients))
                                .authenticationProviders(providers -> providers.forEach(p -> {
                                    if (p instanceof ClientSecretAuthenticationProvider secret) secret.setPasswordEncoder(ClientSecrets.INSTANCE);
                                })))
                        .deviceAuthorizationEndpoint(d -> d.verificationUri(DevicePageController.PATH))
                        .deviceVerificationEndpoint(v -> v.consentPage(ConsentPageController.PATH)
                                .deviceVerificationResponseHandler((request, response, done) ->
                                        response.sendRedirect(DevicePageController.PATH + "?done=true"))
                                .errorResponseHandler((request, response, failed) -> response.sendRedirect(
                                        DevicePageController.PATH + "?error=" + DevicePageController.errorOf(failed))))
                        .tokenEndpoint(t -> t.authenticationProviders(providers -> providers.replaceAll(p ->
                                p instanceof OAuth2RefreshTokenAuthenticationProvider ? refreshFamilies.apply(p) : p)))
                        .authorizationEndpoint(a -> a.consentPage(ConsentPageController.PATH).errorResponseHandler(authorizeErrors(hosted)))
                        .pushedAuthorizationRequestEndpoint(p -> {})
                        .oidc(o -> o.userInfoEndpoint(u -> u.userInfoMapper(tokens::userInfo))
                                .logoutEndpoint(l -> l.logoutResponseHandler(loggedOut(hosted)))))
                // the cookie filter authenticates every request afresh: nothing to store, and no session
                // strategy (it would rotate the CSRF token on every signed-in request, breaking a second tab)
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(PromptNoneEntryPoint.wrapping(hosted.signInEntryPoint(), clients, hosted),
                                PathPatternRequestMatcher.withDefaults().matcher("/oauth2/authorize"))
                        .defaultAuthenticationEntryPointFor(hosted.signInEntryPoint(),
                                PathPatternRequestMatcher.withDefaults().matcher(DEVICE_VERIFICATION_PATH)))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                // RFC 6750 §2.2: userinfo also takes the access token as a form parameter of a POST (oidcc-userinfo-post-body)
                .oauth2ResourceServer(r -> r.bearerTokenResolver(UserInfoBearerTokens.resolver()));
        // The consent form posts to the authorization endpoint (or, for a device, the verification
        // endpoint), which the server's own CSRF rules skip: check the hosted pages' CSRF token there as well.
        CsrfFilter consentCsrf = new CsrfFilter(hosted.csrfTokens());
        // Only the consent, not a POST authorization request (OIDC Core §3.1.2.1), which an application's page sends cross-site like a GET.
        consentCsrf.setRequireCsrfProtectionMatcher(new org.springframework.security.web.util.matcher.OrRequestMatcher(
                new org.springframework.security.web.util.matcher.AndRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, AuthorizationRequests.PATH),
                        AuthorizationRequests::isConsent),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, DEVICE_VERIFICATION_PATH)));
        consentCsrf.setAccessDeniedHandler((request, response, denied) -> hosted.showOAuthError(request, response, "csrf"));
        http.addFilterAfter(consentCsrf, CsrfFilter.class);
        http.addFilterBefore(new NoServletSessionFilter(), org.springframework.security.web.context.SecurityContextHolderFilter.class);
        // prompt=login / max_age: before the authorization endpoint (registered first, so it runs first at the same position)
        http.addFilterBefore(new Reauthentication(clients, hosted, clock),
                org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter.class);
        hosted.apply(http);
        return http.build();
    }

    /**
     * An authorization request that fails before its redirect URI is known to be registered gets
     * the hosted error page; only a verified redirect URI ever receives the error (RFC 6749 §4.1.2.1).
     */
    private static AuthenticationFailureHandler authorizeErrors(HostedSecurity hosted) {
        return (request, response, exception) -> {
            OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
            OAuth2AuthorizationCodeRequestAuthenticationToken req =
                    exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException e
                            ? e.getAuthorizationCodeRequestAuthentication() : null;
            if (req == null || !StringUtils.hasText(req.getRedirectUri())) {
                String description = error.getDescription() == null ? "" : error.getDescription();
                String code = description.contains(OAuth2ParameterNames.REDIRECT_URI) ? "invalid_redirect_uri"
                        : description.contains(OAuth2ParameterNames.CLIENT_ID) && "invalid_request".equals(error.getErrorCode())
                        ? "invalid_client" : error.getErrorCode();
                hosted.showOAuthError(request, response, code);
                return;
            }
            UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(req.getRedirectUri())
                    .queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
            if (StringUtils.hasText(error.getDescription())) {
                uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, UriUtils.encode(error.getDescription(), StandardCharsets.UTF_8));
            }
            if (StringUtils.hasText(req.getState())) {
                uri.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(req.getState(), StandardCharsets.UTF_8));
            }
            response.sendRedirect(uri.build(true).toUriString());
        };
    }

    /** RP-initiated logout: end the Janua session, then back to the application's registered post-logout URI. */
    private static AuthenticationSuccessHandler loggedOut(HostedSecurity hosted) {
        return (request, response, authentication) -> {
            OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
            hosted.signOut(request, response, dev.janua.server.platform.web.ClientInfo.from(request, false));
            String target = "/hosted/sign-out";
            if (StringUtils.hasText(logout.getPostLogoutRedirectUri())) {
                UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(logout.getPostLogoutRedirectUri());
                if (StringUtils.hasText(logout.getState())) {
                    uri.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(logout.getState(), StandardCharsets.UTF_8));
                }
                target = uri.build(true).toUriString();
            }
            response.sendRedirect(target);
        };
    }
}
