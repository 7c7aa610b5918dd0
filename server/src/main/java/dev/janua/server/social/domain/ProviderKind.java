package dev.janua.server.social.domain;

import dev.janua.server.federation.OAuthClient.AuthMethod;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The providers Janua knows, with their documented endpoints and defaults. {@code OIDC} is any
 * OpenID Provider with discovery; {@code OAUTH2} any OAuth 2.0 server given its three URLs and a
 * claim mapping. Every endpoint can be overridden in a provider's configuration (tests point them
 * at local doubles; Microsoft takes a tenant).
 *
 * @param oidc  signs in with an ID token (nonce, JWKS signature, iss/aud/exp checked)
 * @param pkce  sends a PKCE S256 challenge (every provider that documents support for it)
 */
public enum ProviderKind {
    GOOGLE("Google", true, true, "https://accounts.google.com", null, null, null, null,
            List.of("openid", "email", "profile"), AuthMethod.CLIENT_SECRET_BASIC),
    GITHUB("GitHub", false, true, null, "https://github.com/login/oauth/authorize", "https://github.com/login/oauth/access_token",
            "https://api.github.com/user", null, List.of("read:user", "user:email"), AuthMethod.CLIENT_SECRET_POST),
    MICROSOFT("Microsoft", true, true, "https://login.microsoftonline.com/{tenantid}/v2.0",
            "https://login.microsoftonline.com/common/oauth2/v2.0/authorize", "https://login.microsoftonline.com/common/oauth2/v2.0/token",
            "https://graph.microsoft.com/oidc/userinfo", "https://login.microsoftonline.com/common/discovery/v2.0/keys",
            List.of("openid", "email", "profile"), AuthMethod.CLIENT_SECRET_POST),
    APPLE("Apple", true, false, "https://appleid.apple.com", "https://appleid.apple.com/auth/authorize",
            "https://appleid.apple.com/auth/token", null, "https://appleid.apple.com/auth/keys", List.of("name", "email"),
            AuthMethod.CLIENT_SECRET_POST),
    DISCORD("Discord", false, true, null, "https://discord.com/oauth2/authorize", "https://discord.com/api/oauth2/token",
            "https://discord.com/api/users/@me", null, List.of("identify", "email"), AuthMethod.CLIENT_SECRET_BASIC),
    TWITTER("X (Twitter)", false, true, null, "https://x.com/i/oauth2/authorize", "https://api.x.com/2/oauth2/token",
            "https://api.x.com/2/users/me?user.fields=confirmed_email,name,profile_image_url", null,
            List.of("users.read", "tweet.read", "users.email"), AuthMethod.CLIENT_SECRET_BASIC),
    LINKEDIN("LinkedIn", true, false, "https://www.linkedin.com/oauth", null, null, null, null,
            List.of("openid", "email", "profile"), AuthMethod.CLIENT_SECRET_POST),
    OIDC("OpenID Connect", true, true, null, null, null, null, null, List.of("openid", "email", "profile"), AuthMethod.CLIENT_SECRET_BASIC),
    OAUTH2("OAuth 2.0", false, true, null, null, null, null, null, List.of(), AuthMethod.CLIENT_SECRET_BASIC);

    public final String displayName;
    public final boolean oidc;
    public final boolean pkce;
    public final String issuer;
    public final String authorizationUrl;
    public final String tokenUrl;
    public final String userinfoUrl;
    public final String jwksUrl;
    public final List<String> scopes;
    public final AuthMethod authMethod;

    ProviderKind(String displayName, boolean oidc, boolean pkce, String issuer, String authorizationUrl, String tokenUrl,
                 String userinfoUrl, String jwksUrl, List<String> scopes, AuthMethod authMethod) {
        this.displayName = displayName;
        this.oidc = oidc;
        this.pkce = pkce;
        this.issuer = issuer;
        this.authorizationUrl = authorizationUrl;
        this.tokenUrl = tokenUrl;
        this.userinfoUrl = userinfoUrl;
        this.jwksUrl = jwksUrl;
        this.scopes = scopes;
        this.authMethod = authMethod;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The built-in seven have fixed slugs; generic kinds are named by their configuration. */
    public boolean generic() {
        return this == OIDC || this == OAUTH2;
    }

    public static Optional<ProviderKind> parse(String value) {
        if (value == null) return Optional.empty();
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("x")) return Optional.of(TWITTER);
        if (v.equals("openid_connect") || v.equals("openid-connect")) return Optional.of(OIDC);
        for (ProviderKind k : values()) if (k.wireName().equals(v)) return Optional.of(k);
        return Optional.empty();
    }
}
