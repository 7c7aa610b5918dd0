package dev.janua.server.social;

import dev.janua.server.users.User;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What the hosted pages may ask of social login: the buttons to show, starting a sign-in that ends
 * in the browser session, and redeeming the one-time code the callback hands back to the page.
 */
public interface SocialLogins {
    /** An enabled provider as a sign-in button shows it. */
    record ProviderSummary(String id, String name, String kind) {}

    /** A started sign-in: send the browser to {@code authorizationUrl} with the binding cookie set. */
    record Started(URI authorizationUrl, String state, String cookieName, String cookieValue, Instant expiresAt) {}

    /** A finished provider sign-in, not yet a session: the hosted page finishes it (MFA, session, cookie). */
    record Redeemed(User user, String provider, boolean isNewUser, String returnTo) {}

    List<ProviderSummary> enabledProviders(String organizationId);

    /** @param returnTo a hosted path already checked by the page (or null for the account page) */
    Started startForBrowser(String provider, String organizationId, String returnTo);

    /** Spends the code of a flow started by {@link #startForBrowser}; {@code TOKEN_INVALID_OR_EXPIRED} otherwise. */
    Redeemed redeemForBrowser(String code);
}
