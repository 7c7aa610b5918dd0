package dev.janua.server.sso.domain;

import java.util.Locale;
import java.util.Optional;

/** The two enterprise federation protocols a connection speaks. */
public enum SsoProtocol {
    SAML, OIDC;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SsoProtocol> parse(String s) {
        if (s == null) return Optional.empty();
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "saml", "saml2", "saml20" -> Optional.of(SAML);
            case "oidc", "openid", "openid_connect" -> Optional.of(OIDC);
            default -> Optional.empty();
        };
    }
}
