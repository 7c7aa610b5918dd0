package dev.janua.server.oidc.domain;

import java.util.Locale;
import java.util.Set;

/**
 * The three kinds of OAuth client (RFC 6749 §2.1): a server-side web app that keeps a secret, a
 * browser or native app that cannot (PKCE S256 only, no secret, no refresh token), and a machine
 * client that authenticates as itself (client credentials only). Confidential and public apps may
 * also use the device authorization grant (RFC 8628) for input-constrained devices and CLIs.
 */
public enum ApplicationType {
    CONFIDENTIAL(Set.of("authorization_code", "refresh_token", "client_credentials", Grants.DEVICE_CODE),
            Set.of("authorization_code", "refresh_token")),
    PUBLIC(Set.of("authorization_code", Grants.DEVICE_CODE), Set.of("authorization_code")),
    MACHINE(Set.of("client_credentials"), Set.of("client_credentials"));

    /** Grant type names longer than a word. */
    public static final class Grants {
        public static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";

        private Grants() {}
    }

    private final Set<String> allowedGrants;
    private final Set<String> defaultGrants;

    ApplicationType(Set<String> allowedGrants, Set<String> defaultGrants) {
        this.allowedGrants = allowedGrants;
        this.defaultGrants = defaultGrants;
    }

    public Set<String> allowedGrants() {
        return allowedGrants;
    }

    public Set<String> defaultGrants() {
        return defaultGrants;
    }

    public boolean hasSecret() {
        return this != PUBLIC;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApplicationType parse(String value) {
        if (value == null) return null;
        for (ApplicationType t : values()) if (t.wireName().equalsIgnoreCase(value.trim())) return t;
        return null;
    }
}
