package dev.janua.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * Answer of sign-up, sign-in, MFA completion and magic-link sign-in. When a second factor is due,
 * {@link #requiresMfa()} is true, {@link #tokens()} is null and {@link #mfaToken()} names the challenge
 * to finish with {@code client.mfa().verifyChallenge(…)} — that is not an error.
 */
public class SignInResult extends JanuaObject {
    private final Instant receivedAt;

    public SignInResult(JsonNode raw, Instant receivedAt) {
        super(raw);
        this.receivedAt = receivedAt;
    }

    public User user() { JsonNode u = node("user"); return u == null ? null : new User(u); }
    /** The new token pair; null while a second factor is due. */
    public Tokens tokens() { JsonNode t = node("tokens"); return t == null ? null : new Tokens(t, receivedAt); }
    public String sessionId() { JsonNode s = node("session"); return s == null ? null : s.path("id").asText(null); }
    public Instant sessionExpiresAt() {
        JsonNode s = node("session");
        return s == null || !s.hasNonNull("expiresAt") ? null : Instant.parse(s.get("expiresAt").asText());
    }
    public boolean requiresMfa() { return flag("requiresMfa"); }
    public boolean requiresEmailVerification() { return flag("requiresEmailVerification"); }
    public boolean requiresMfaEnrollment() { return flag("requiresMfaEnrollment"); }
    /** The challenge ({@code tmp_…}) to finish sign-in with a second factor. */
    public String mfaToken() { return text("mfaToken"); }
    /** The second factors the user may answer with ({@code totp}, {@code sms}, {@code backup_code} …). */
    public List<String> methods() { return list("methods", n -> n.isTextual() ? n.asText() : n.path("type").asText()); }
    public Instant mfaTokenExpiresAt() { return instant("mfaTokenExpiresAt"); }
    /** After {@code trustDevice}: the device token to send on later sign-ins to skip the second factor. */
    public String trustedDeviceToken() { JsonNode d = node("trustedDevice"); return d == null ? null : d.path("deviceToken").asText(null); }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[user=" + (user() == null ? null : user().id()) + ", requiresMfa=" + requiresMfa() + "]";
    }
}
