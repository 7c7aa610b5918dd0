package dev.janua.server.sso;

import java.util.Optional;

/**
 * What other ways in ask the SSO module: an address under a domain an organization verified, when
 * that organization requires SSO ({@code settings.ssoRequired}) and has an enabled connection, may
 * sign in only through that organization's IdP — not with a password, not with a magic link. The
 * decision depends on the domain alone (never on whether an account exists), so asking it reveals
 * nothing about accounts.
 */
public interface SsoEnforcement {
    /** Throws 403 {@code SSO_REQUIRED} (details: organizationId, ssoUrl) when the address must use SSO. */
    void requireNonSsoSignInAllowed(String email);

    /** Home-realm discovery: the sign-in URL of the IdP that serves this address's verified domain, if any. */
    Optional<Realm> realmOf(String email);

    record Realm(String organizationId, String protocol, String loginPath, boolean ssoRequired) {}
}
