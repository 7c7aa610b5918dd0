package dev.janua.server.oidc.app;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.metrics.DomainMetrics;
import dev.janua.server.organizations.OrganizationDirectory;
import dev.janua.server.organizations.OrganizationGrant;
import dev.janua.server.tokens.SigningKeys;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Janua puts in the tokens it issues as an OpenID Provider, and in userinfo. Everything is
 * signed with Janua's active key (same {@code kid} as the API's tokens, one JWKS). ID token claims
 * (OIDC Core §2, §5.1): {@code sub} is the Janua user id; {@code auth_time} and {@code amr} (RFC
 * 8176) come from the hosted sign-in; {@code email}/{@code email_verified} with the email scope;
 * {@code name}/{@code given_name}/{@code family_name}/{@code picture}/{@code locale} with profile.
 */
@Component
public class OidcTokens implements OAuth2TokenCustomizer<JwtEncodingContext> {
    /** The scope that asks for the person's organizations (id, role, permissions) in the ID token and userinfo. */
    public static final String ORGANIZATIONS_SCOPE = "organizations";
    private final SigningKeys keys;
    private final UserDirectory users;
    private final OrganizationDirectory organizations;
    private final DomainMetrics metrics;

    public OidcTokens(SigningKeys keys, UserDirectory users, OrganizationDirectory organizations, DomainMetrics metrics) {
        this.metrics = metrics;
        this.keys = keys;
        this.users = users;
        this.organizations = organizations;
    }

    /** The active private key plus every other published key (for verification and the JWK set). */
    public JWKSource<SecurityContext> jwkSource() {
        return (selector, context) -> {
            JWK active = keys.activeSigningKey();
            List<JWK> all = new ArrayList<>();
            all.add(active);
            for (JWK k : keys.publishedKeys().getKeys()) if (!k.getKeyID().equals(active.getKeyID())) all.add(k);
            return selector.select(new JWKSet(all));
        };
    }

    @Override
    public void customize(JwtEncodingContext context) {
        // every JWT the token endpoint signs passes here: access and ID tokens (refresh tokens are opaque)
        metrics.tokenIssued(OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue()) ? "id" : "access",
                grantLabel(context.getAuthorizationGrantType()));
        // pin the key and algorithm: exactly one key matches, whatever else is published
        context.getJwsHeader().algorithm(SignatureAlgorithm.from(keys.algorithm().getName()))
                .keyId(keys.activeSigningKey().getKeyID());
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            // a machine application of an organization acts for that organization only
            Object org = context.getRegisteredClient().getClientSettings().getSetting(ApplicationClients.ORGANIZATION_SETTING);
            if (org instanceof String id && !id.isEmpty()) context.getClaims().claim("org_id", id);
            return;
        }
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) return;
        Authentication principal = context.getPrincipal();
        if (principal instanceof BrowserAuthentication b) {
            // sid (OIDC Front/Back-Channel Logout §2.1): the Janua session the browser signed in with
            context.getClaims().claim("auth_time", Date.from(b.authTime())).claim("amr", b.amr()).claim("sid", b.sessionId());
        }
        users.findById(principal.getName()).ifPresent(u ->
                claims(u, context.getAuthorizedScopes()).forEach((k, v) -> context.getClaims().claim(k, v)));
        if (context.getAuthorizedScopes().contains(ORGANIZATIONS_SCOPE)) {
            context.getClaims().claim("organizations", organizationClaims(principal.getName()));
        }
    }

    private static final Set<String> GRANTS = Set.of("authorization_code", "refresh_token", "client_credentials", "device_code",
            "token_exchange");

    /** {@code urn:ietf:params:oauth:grant-type:device_code} is {@code device_code}; unknown grants are {@code other}. */
    static String grantLabel(AuthorizationGrantType grant) {
        if (grant == null) return "other";
        String v = grant.getValue();
        return DomainMetrics.oneOf(v.substring(v.lastIndexOf(':') + 1).replace('-', '_'), GRANTS);
    }

    /** {@code [{"id": "org_…", "role": "admin", "permissions": [...]}]}, at most 100 organizations. */
    List<Map<String, Object>> organizationClaims(String userId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (OrganizationGrant g : organizations.grantsOf(userId)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", g.organizationId());
            m.put("role", g.role());
            m.put("permissions", g.permissions());
            out.add(m);
        }
        return out;
    }

    /** Userinfo (OIDC Core §5.3): the same user claims, by the scopes the access token carries. */
    public OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        OAuth2Authorization authorization = context.getAuthorization();
        Set<String> scopes = context.getAccessToken().getScopes();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", authorization.getPrincipalName());
        // a token that outlived its user describes no one: 401 invalid_token (RFC 6750 §3.1), not a bare "sub"
        User user = users.findById(authorization.getPrincipalName()).orElseThrow(() -> new org.springframework.security.oauth2.core
                .OAuth2AuthenticationException(new org.springframework.security.oauth2.core.OAuth2Error("invalid_token",
                        "The user of this access token no longer exists", null)));
        claims.putAll(claims(user, scopes));
        if (scopes.contains(ORGANIZATIONS_SCOPE)) claims.put("organizations", organizationClaims(authorization.getPrincipalName()));
        return new OidcUserInfo(claims);
    }

    static Map<String, Object> claims(User u, Set<String> scopes) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (scopes.contains(OidcScopes.EMAIL)) {
            c.put("email", u.email());
            c.put("email_verified", u.emailVerified());
        }
        if (scopes.contains(OidcScopes.PROFILE)) {
            c.put("name", u.displayName());
            if (u.firstName() != null) c.put("given_name", u.firstName());
            if (u.lastName() != null) c.put("family_name", u.lastName());
            if (u.username() != null) c.put("preferred_username", u.username());
            if (u.profileImageUrl() != null) c.put("picture", u.profileImageUrl());
            if (u.locale() != null) c.put("locale", u.locale());
            if (u.updatedAt() != null) c.put("updated_at", u.updatedAt().getEpochSecond());
        }
        return c;
    }
}
