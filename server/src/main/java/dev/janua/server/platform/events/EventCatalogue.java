package dev.janua.server.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every domain event type Janua publishes, in one place (seeds 000, 002 and 004, settled): the
 * canonical dotted past-tense name, what it means, and the seed names accepted as aliases in
 * webhook filters. Payloads always carry the canonical name. Modules that land later add theirs here.
 */
public final class EventCatalogue {
    public record Entry(String type, String description, Set<String> aliases) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        add("user.created", "A user account was created (sign-up, admin, SCIM, invitation)");
        add("user.updated", "A user's profile changed; data.previousData holds the old values");
        add("user.deleted", "A user account was deleted");
        add("user.email_verified", "A user proved ownership of their email address");
        add("user.password_changed", "A password was changed or reset (data.method: change|reset)");
        add("user.signin", "A user signed in (data.method, data.sessionId)", "auth.login", "user.login");
        add("user.signout", "A user signed out", "auth.logout", "user.logout");
        add("user.signin_failed", "A sign-in failed for an existing account (data.reason)", "auth.login_failed");
        add("session.created", "A session started");
        add("session.revoked", "A session was ended before its expiry (data.reason)", "session.deleted");
        add("session.expired", "A session reached its absolute or idle timeout");
        add("session.refresh_token_reused", "A rotated refresh token was presented again; the session was revoked");
        add("user.suspended", "An admin suspended a user (data.reason, data.until); their sessions were revoked");
        add("user.unsuspended", "An admin lifted a suspension");
        add("user.unlocked", "An admin lifted a sign-in lockout");
        add("user.phone_verified", "A user proved ownership of a phone number");
        add("mfa.enabled", "A second factor was enabled", "auth.mfa_enabled");
        add("mfa.disabled", "A second factor was disabled", "auth.mfa_disabled");
        add("mfa.setup_started", "A user started enrolling an authenticator app");
        add("mfa.verified", "A second factor was checked successfully (data.method)");
        add("mfa.challenge_created", "A sign-in needs a second factor; a challenge was issued");
        add("mfa.challenge_failed", "A wrong second-factor code was entered (data.attempts)");
        add("mfa.backup_codes_regenerated", "A new set of backup codes replaced the old one");
        add("mfa.sms_code_sent", "A one-time code was sent by SMS");
        add("mfa.device_trusted", "A device was trusted to skip the second factor for 30 days");
        add("mfa.device_untrusted", "A trusted device was removed");
        add("magic_link.sent", "A sign-in link was emailed");
        add("magic_link.used", "A sign-in link was used");
        add("passkey.created", "A passkey was registered (data.passkeyId, data.aaguid, data.authenticatorName)",
                "auth.passkey_registered", "passkey.registered");
        add("passkey.deleted", "A passkey was removed", "passkey.removed");
        add("passkey.updated", "A passkey was renamed (data.name, data.previousName)");
        add("passkey.used", "A passkey signed in or answered an MFA step (data.context: signin|mfa, data.userVerified)");
        add("passkey.clone_suspected", "A passkey's signature counter went backwards: the assertion was refused (possible cloned authenticator)");
        add("organization.created", "An organization was created");
        add("organization.updated", "An organization's settings changed");
        add("organization.deleted", "An organization was deleted");
        add("organization.member_added", "A user joined an organization");
        add("organization.member_removed", "A user left or was removed from an organization");
        add("organization.role_changed", "A member's role changed", "organization.member_role_changed");
        add("invitation.created", "An invitation was sent", "organization.invitation_created");
        add("invitation.accepted", "An invitation was accepted", "organization.invitation_accepted");
        add("invitation.revoked", "An invitation was revoked", "organization.invitation_revoked");
        add("invitation.expired", "An invitation expired unused");
        add("invitation.resent", "An invitation was sent again with a new link", "organization.invitation_resent");
        add("role.created", "A custom role was created in an organization");
        add("role.updated", "A custom role's name, description or permissions changed");
        add("role.deleted", "A custom role was deleted");
        add("api_key.created", "An API key was created (the secret is never in the event)");
        add("api_key.revoked", "An API key was revoked");
        add("webhook.created", "A webhook endpoint was created");
        add("webhook.updated", "A webhook endpoint was changed (enabled, disabled, events, URL)");
        add("webhook.deleted", "A webhook endpoint was deleted");
        add("webhook.disabled", "An endpoint was disabled because it answered 410 Gone");
        add("webhook.secret_rotated", "An endpoint's signing secret was rotated");
        add("webhook.delivery_failed", "A delivery failed its last attempt and was dead-lettered");
        add("scim.token_created", "A SCIM provisioning token was created for an organization (the secret is never in the event)");
        add("scim.token_revoked", "A SCIM provisioning token was revoked");
        add("user.provisioned", "An organization's directory provisioned (or reactivated) a user over SCIM");
        add("user.deprovisioned", "An organization's directory deactivated or deleted a user over SCIM (data.reason); their sessions were ended");
        add("group.created", "A SCIM group was created in an organization");
        add("group.updated", "A SCIM group's name or members changed (data.membersAdded, data.membersRemoved)");
        add("group.deleted", "A SCIM group was deleted");
        add("group.role_mapped", "An organization admin mapped a SCIM group onto a role (or removed the mapping)");
        add("sso.configured", "An organization configured its enterprise SSO connection (SAML or OIDC)");
        add("sso.updated", "An organization's SSO connection changed (data.changed; a metadata refresh that changed the IdP certificates too)");
        add("sso.deleted", "An organization removed its SSO connection");
        add("sso.domain_added", "An organization claimed an email domain for SSO");
        add("sso.domain_verified", "An organization proved an SSO domain by its DNS TXT record");
        add("sso.domain_removed", "An organization gave up an SSO domain");
        add("sso.signin", "A member signed in through the organization's IdP (data.protocol, data.idpInitiated, data.createdAccount)");
        add("sso.user_provisioned", "An account was created just in time by an SSO sign-in (data.role)");
        add("webhook.test", "A test event sent by POST /webhooks/{id}/test");
        add("oidc.application_created", "An application (OAuth client) was registered");
        add("oidc.application_updated", "An application's settings changed");
        add("oidc.application_deleted", "An application was deleted");
        add("oidc.application_secret_rotated", "An application's client secret was replaced");
        add("oidc.consent_granted", "A person allowed an application the scopes in data.scopes");
        add("oidc.consent_revoked", "A person's consent to an application was withdrawn");
        add("mfa.reset", "An admin removed a user's second factors (authenticator, SMS, backup codes, trusted devices)");
        add("user.password_reset_sent", "An admin sent a user the password-reset email");
        add("signing_key.rotated", "A platform admin rotated the access-token signing key (data.activeKid)");
        add("user.sessions_revoked", "An admin ended every session of a user (data.count)");
        add("theme.updated", "An organization's or application's hosted-page theme was set (data: the values)");
        add("theme.deleted", "An organization's or application's hosted-page theme was removed");
        add("oidc.refresh_token_reused", "A spent refresh token was presented again; its whole authorization was revoked");
        // social login
        add("identity.linked", "A provider account (data.provider) was linked to a user (data.linkedBy: sign_up|verified_email|explicit)",
                "user.identity_linked", "oauth.account_linked");
        add("identity.unlinked", "A provider account was unlinked from a user", "user.identity_unlinked", "oauth.account_unlinked");
        add("oauth_provider.configured", "A social-login provider was configured or changed through the admin API");
        add("oauth_provider.deleted", "A social-login provider configuration was removed");
        add("device.registered", "A user registered a device (app installation) for push notifications (data.deviceId, data.platform)");
        add("device.updated", "A device's details or push token changed (data.deviceId)");
        add("device.removed", "A device was removed (data.deviceId)", "device.deleted");
        add("device.push_token_invalidated", "A device lost its push token: the push service refused it for good, or it was registered on another device (data.reason)");
    }

    private EventCatalogue() {}

    private static void add(String type, String description, String... aliases) {
        ENTRIES.put(type, new Entry(type, description, Set.of(aliases)));
        for (String a : aliases) ALIASES.put(a, type);
    }

    public static Map<String, Entry> entries() {
        return ENTRIES;
    }

    /** The canonical name of a type or alias, or empty when Janua publishes no such event. */
    public static Optional<String> canonical(String typeOrAlias) {
        if (typeOrAlias == null) return Optional.empty();
        if (ENTRIES.containsKey(typeOrAlias)) return Optional.of(typeOrAlias);
        return Optional.ofNullable(ALIASES.get(typeOrAlias));
    }

    /**
     * A subscription pattern is {@code *}, {@code prefix.*} (a known prefix) or a known type or
     * alias; returns the normalised pattern (aliases become canonical names) or empty if unknown.
     */
    public static Optional<String> normalisePattern(String pattern) {
        if (pattern == null || pattern.isBlank()) return Optional.empty();
        String p = pattern.trim();
        if (p.equals("*")) return Optional.of(p);
        if (p.endsWith(".*")) {
            String prefix = p.substring(0, p.length() - 1);
            boolean known = ENTRIES.keySet().stream().anyMatch(t -> t.startsWith(prefix))
                    || ALIASES.keySet().stream().anyMatch(t -> t.startsWith(prefix));
            return known ? Optional.of(p) : Optional.empty();
        }
        return canonical(p);
    }

    /** Whether a canonical event type matches a normalised pattern. */
    public static boolean matches(String pattern, String type) {
        if (pattern.equals("*")) return true;
        if (pattern.endsWith(".*")) {
            String prefix = pattern.substring(0, pattern.length() - 1);
            if (type.startsWith(prefix)) return true;
            Entry e = ENTRIES.get(type);
            return e != null && e.aliases().stream().anyMatch(a -> a.startsWith(prefix));
        }
        return pattern.equals(type);
    }
}
