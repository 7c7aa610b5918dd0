package dev.janua.server.platform.security;

import dev.janua.server.platform.web.ApiPrefixes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every route that answers a caller without credentials — the whole list, reviewed here and nowhere
 * else. Any route not listed answers 401 unless the request carries a valid access token or API key
 * ({@link RouteGuard}); {@code RouteAccessIntegrationTest} calls every mapped route anonymously and
 * fails when one answers without being listed.
 *
 * <p>To open a route, add one line: the method, the path exactly as it is mapped (path variables as
 * {@code {name}}), and why it must be open. {@code api(…)} paths answer under both API prefixes
 * ({@code /api/v1}, {@code /v1}); {@code root(…)} paths are taken as written. A route that carries its
 * own proof in the body (a refresh token, an emailed token, an {@code mfaToken}) is anonymous here: the
 * handler checks that proof. Listing a route never weakens a handler that asks for a {@link Caller}.
 */
public final class AnonymousRoutes {
    private static final String ANY = "*";

    static final List<Entry> ENTRIES = List.of(
            // signing up and in: the caller has no credentials yet
            api("POST", "sign up with a password", "/auth/signup", "/auth/register"),
            api("POST", "sign in with a password", "/auth/signin", "/auth/login"),
            api("POST", "second factor of a sign-in; proof is the mfaToken", "/auth/login/mfa", "/auth/signin/mfa"),
            api("POST", "text the sign-in code; proof is the mfaToken", "/auth/login/mfa/sms", "/auth/signin/mfa/sms"),
            api("POST", "TOTP enrolment during a sign-in the policy holds back (mfaToken); otherwise the handler authenticates",
                    "/auth/mfa/enable", "/mfa/setup", "/mfa/totp/enable", "/mfa/totp/setup"),
            api("POST", "new tokens; proof is the refresh token", "/auth/refresh"),
            api("POST", "sign out with the refresh token alone (an access token is checked when sent)", "/auth/signout", "/auth/logout"),
            // emailed one-time tokens: the link is opened without a session
            api("POST", "ask for a password-reset email (same answer for unknown emails)",
                    "/auth/password/forgot", "/auth/forgot-password", "/auth/password-reset/request"),
            api("POST", "set a new password; proof is the emailed token",
                    "/auth/password/reset", "/auth/reset-password", "/auth/password-reset/confirm"),
            api("POST", "confirm an email address; proof is the emailed token",
                    "/users/me/verify-email/confirm", "/auth/verify-email", "/auth/verify-email/confirm", "/auth/email/verify"),
            api("GET", "the verification link in the email", "/auth/verify-email"),
            api("POST", "ask for a magic link", "/auth/magic-link", "/auth/magic-link/send"),
            api("POST", "sign in with a magic link; proof is its token", "/auth/magic-link/verify"),
            api("GET", "the magic link in the email: redirects with a one-time code", "/auth/magic-link/verify"),
            api("POST", "exchange the one-time code of a magic link", "/auth/magic-link/exchange"),
            api("GET", "preview an invitation by its token", "/invitations/accept", "/invites/accept", "/invitations/preview"),
            api("POST", "accept an invitation, signing up through it; a bearer token is checked when sent",
                    "/invitations/accept", "/invites/accept", "/organizations/invitations/accept"),
            // what relying parties and operators read
            root("GET", "public keys that verify access tokens", "/.well-known/jwks.json"),
            root("GET", "liveness probe", "/health"),
            root("GET", "readiness probe", "/ready"),
            root("GET", "detailed health: loopback or platform admins only (MonitoringAccessFilter)",
                    "/api/v1/health/detailed", "/v1/health/detailed"),
            root("GET", "Prometheus metrics: loopback or platform admins only (MonitoringAccessFilter)", "/metrics"),
            root("GET", "API reference (/openapi.yaml forwards to springdoc's /openapi.json.yaml)",
                    "/openapi.json", "/openapi.yaml", "/openapi.json.yaml", "/openapi.json/swagger-config", "/docs"),
            root("GET", "the API as a Postman collection, generated from /openapi.json", "/postman/collection.json"),
            root(ANY, "static files (API reference assets); where none exists, the 404 every unknown route gives", "/**"),
            // real-time: browsers cannot set headers on a WebSocket, so the socket authenticates itself
            // (?token=, Authorization, or a first auth message; RealtimeSocketHandler) and closes 4401 otherwise
            api("GET", "WebSocket handshake; the socket then authenticates itself", "/ws"),
            // GraphQL subscriptions (graphql-transport-ws): the socket authenticates in connection_init (GraphQlSocketAuthentication)
            api("GET", "GraphQL WebSocket handshake; the socket then authenticates itself", "/graphql/ws"),
            // hosted pages (their own chain, HostedSecurityConfig: CSRF on every form, the browser-session cookie);
            // a page that needs a signed-in person checks the cookie itself and sends strangers to sign-in
            root("GET", "hosted sign-in form", "/hosted/sign-in"),
            root("POST", "hosted sign-in: the password is the proof", "/hosted/sign-in"),
            root("POST", "hosted second step: proof is the mfaToken in the form", "/hosted/sign-in/mfa"),
            root("GET", "hosted sign-out confirmation (the page says who is signed in, if anyone)", "/hosted/sign-out"),
            root("POST", "hosted sign-out: ends the cookie's session if there is one", "/hosted/sign-out"),
            root("GET", "account page: redirects to sign-in without a browser session", "/hosted/account"),
            root("POST", "account page action: refused without a browser session (cookie checked by the page)",
                    "/hosted/account/sessions/{id}/revoke"),
            root("GET", "OAuth consent page: redirects to sign-in without a browser session", "/hosted/consent"),
            root("GET", "device code entry (RFC 8628): redirects to sign-in without a browser session", "/hosted/device"),
            root(ANY, "hosted error page", "/hosted/error"),
            root("POST", "hosted MFA step: texts a code; proof is the mfaToken in the form", "/hosted/sign-in/mfa/sms"),
            root("POST", "account page connections: refused without a browser session (cookie checked by the page)",
                    "/hosted/account/consents/{applicationId}/revoke", "/hosted/account/identities/{id}/unlink"),
            root("POST", "hosted MFA enrolment a policy requires: proof is the enrolment challenge's mfaToken in the form",
                    "/hosted/sign-in/mfa/enroll"),
            root("GET", "hosted sign-up form", "/hosted/sign-up"),
            root("POST", "hosted sign-up (same rules and limits as POST /auth/signup)", "/hosted/sign-up"),
            root("GET", "email-verification link: the token is the proof", "/hosted/verify-email"),
            root("POST", "resend the verification email: refused without a browser session (checked by the page)",
                    "/hosted/verify-email/resend"),
            root("GET", "forgot-password form", "/hosted/forgot-password"),
            root("POST", "forgot password: same answer for every address (as /auth/password/forgot)", "/hosted/forgot-password"),
            root("GET", "reset-password link: a form carrying the token; nothing spent", "/hosted/reset-password"),
            root("POST", "reset password: the emailed token is the proof", "/hosted/reset-password"),
            root("GET", "magic-link request form, or the landing of an emailed link (nothing spent on GET)", "/hosted/magic-link"),
            root("POST", "magic-link request: same answer for every address (as /auth/magic-link)", "/hosted/magic-link"),
            root("POST", "magic-link sign-in: the emailed token is the proof", "/hosted/magic-link/sign-in"),
            root("GET", "invitation landing: the emailed token is the proof", "/hosted/invitation"),
            root("POST", "accept an invitation: refused without a browser session (checked by the page)", "/hosted/invitation/accept"),
            root("POST", "sign up through an invitation: the emailed token is the proof", "/hosted/invitation/sign-up"),
            root("POST", "account page actions: refused without a browser session (cookie checked by the page)",
                    "/hosted/account/profile", "/hosted/account/password", "/hosted/account/mfa/totp",
                    "/hosted/account/mfa/totp/confirm", "/hosted/account/mfa/disable", "/hosted/account/devices/{id}/revoke"),
            // enterprise SSO (sso/): the browser arrives without a session; the ACS's proof is the IdP-signed response
            api("GET", "SAML SP-initiated sign-in: redirects to the organization's IdP", "/sso/saml/{organizationId}/login"),
            api("POST", "SAML assertion consumer service: proof is the signed SAMLResponse", "/sso/saml/{organizationId}/acs"),
            api("GET", "SAML SP metadata the IdP admin imports", "/sso/saml/{organizationId}/metadata"),
            api("POST", "start a SAML sign-in by organization or email domain (returns the IdP URL)", "/sso/saml"),
            api("GET", "the identity providers with a documented setup", "/sso/providers"),
            api("GET", "OIDC SSO sign-in: redirects to the organization's provider", "/sso/oidc/{organizationId}/login"),
            api("GET", "OIDC SSO callback: state + browser-binding cookie + signed ID token are the proof", "/sso/oidc/{organizationId}/callback"),
            api("POST", "start an OIDC SSO sign-in by organization or email domain", "/sso/oidc"),
            root("GET", "hosted home-realm discovery form", "/hosted/sso"),
            root("GET", "the theme stylesheet of a sign-in's hosted pages (public: colours, radius, font of an application)",
                    "/hosted/theme.css"),
            root("POST", "hosted home-realm discovery: email domain → the organization's IdP", "/hosted/sso"),
            root("GET", "hosted MFA step of an SSO sign-in: proof is the challenge in its short-lived cookie", "/hosted/sso/mfa"),
            // social login: the caller has no credentials yet; the provider's answer and the browser-binding cookie are the proof
            api("GET", "social-login providers available for sign-in", "/auth/oauth/providers"),
            api("GET", "start a social sign-in (redirect or JSON URL)", "/auth/oauth/{provider}", "/auth/oauth/{provider}/url"),
            api("GET", "provider callback: state + browser-binding cookie are the proof", "/auth/oauth/{provider}/callback"),
            api("POST", "provider form_post callback (bounced to GET), or the one-time code exchange", "/auth/oauth/{provider}/callback"),
            root("GET", "hosted social sign-in start (same rules as /auth/oauth/{provider})", "/hosted/oauth/{provider}"),
            root("GET", "hosted social sign-in end: the one-time code from the callback is the proof", "/hosted/oauth/complete"),
            // passkeys: the sign-in ceremony runs before anyone is signed in; the assertion (or the mfaToken) is the proof
            api("POST", "passkey sign-in options (email, usernameless, or the MFA step's mfaToken)",
                    "/passkeys/authenticate/options", "/auth/passkeys/authenticate/begin"),
            api("GET", "passkey sign-in options (seed 004)", "/passkeys/authenticate/options"),
            api("POST", "passkey sign-in: the signed assertion is the proof",
                    "/passkeys/authenticate", "/passkeys/authenticate/verify", "/auth/passkeys/authenticate",
                    "/auth/passkeys/authenticate/complete"),
            root("POST", "hosted passkey sign-in: the signed assertion in the form is the proof", "/hosted/sign-in/passkey"),
            root("POST", "account page passkey actions: refused without a browser session (cookie checked by the page)",
                    "/hosted/account/passkeys", "/hosted/account/passkeys/options", "/hosted/account/passkeys/{id}/rename",
                    "/hosted/account/passkeys/{id}/remove"),
            // development conveniences: absent in production, loopback clients only unless enabled
            api("GET", "development mailbox (loopback only)", "/dev/mailbox"),
            api("GET", "development SMS outbox (loopback only)", "/dev/sms"),
            api("GET", "development push recorder (loopback only)", "/dev/push"),
            // a browser page asks for it before pushManager.subscribe(); it is a public key
            api("GET", "Web Push VAPID public key", "/notifications/push/vapid-public-key"),
            // the container forwards its own errors here; a direct request answers 404
            root(ANY, "renders errors raised outside MVC", "/error"));

    private static final Set<String> KEYS = keys(ENTRIES);

    private AnonymousRoutes() {}

    /** One reviewed opening: {@code method} ({@code *} for every method) on each of {@code paths}. */
    public record Entry(String method, List<String> paths, String reason) {}

    /**
     * Whether {@code method} on the route mapped as {@code pattern} is open to anyone. HEAD is the GET
     * route without a body, so it follows GET.
     */
    static boolean allows(String method, String pattern) {
        String m = "HEAD".equals(method) ? "GET" : method;
        return KEYS.contains(m + ' ' + pattern) || KEYS.contains(ANY + ' ' + pattern);
    }

    private static Entry api(String method, String reason, String... paths) {
        List<String> prefixed = new ArrayList<>();
        for (String prefix : ApiPrefixes.PREFIXES) {
            for (String path : paths) prefixed.add(prefix + path);
        }
        return new Entry(method, List.copyOf(prefixed), reason);
    }

    private static Entry root(String method, String reason, String... paths) {
        return new Entry(method, List.of(paths), reason);
    }

    private static Set<String> keys(List<Entry> entries) {
        Set<String> keys = new HashSet<>();
        for (Entry e : entries) {
            for (String p : e.paths()) keys.add(e.method() + ' ' + p);
        }
        return Set.copyOf(keys);
    }
}
