package dev.janua.server.passkeys.app;

import dev.janua.server.passkeys.PasskeyOptions;
import dev.janua.server.passkeys.PasskeyOptions.Descriptor;
import dev.janua.server.passkeys.Passkeys.Preferences;
import dev.janua.server.passkeys.domain.Base64Url;
import dev.janua.server.passkeys.domain.RelyingParty;
import dev.janua.server.passkeys.domain.WebAuthnCeremony;
import dev.janua.server.passkeys.persistence.JdbcPasskeyChallenges;
import dev.janua.server.passkeys.persistence.JdbcPasskeyChallenges.ChallengeRow;
import dev.janua.server.passkeys.persistence.JdbcPasskeyRepository;
import dev.janua.server.passkeys.persistence.JdbcPasskeyRepository.PasskeyRow;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.KeyedHash;
import dev.janua.server.platform.crypto.RandomTokens;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.users.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Begins ceremonies and spends their challenges. A challenge is 32 random bytes (SECURITY.md: at
 * least 16), stored as its SHA-256 with the ceremony it belongs to — registration for one user,
 * authentication (for one user when an email was given, for anyone when usernameless), or the
 * second factor of one MFA challenge — and spent once, within 5 minutes.
 */
@Component
public class PasskeyCeremonies {
    static final String REGISTRATION = "registration";
    static final String AUTHENTICATION = "authentication";
    static final String SECOND_FACTOR = "second_factor";
    /** The ceremony's user when the email had no account: matches no credential. */
    static final String NOBODY = "-";
    private static final Set<String> REQUIREMENTS = Set.of("required", "preferred", "discouraged");

    private final JdbcPasskeyChallenges challenges;
    private final JdbcPasskeyRepository passkeys;
    private final RandomTokens random;
    private final PublicUrl publicUrl;
    private final WebAuthnProperties config;
    private final KeyedHash decoyIds;
    private final Clock clock;

    public PasskeyCeremonies(JdbcPasskeyChallenges challenges, JdbcPasskeyRepository passkeys, RandomTokens random, PublicUrl publicUrl,
                             WebAuthnProperties config, SecretBox box, Clock clock) {
        this.challenges = challenges;
        this.passkeys = passkeys;
        this.random = random;
        this.publicUrl = publicUrl;
        this.config = config;
        this.decoyIds = KeyedHash.forPurpose(box, "passkey-decoy-credential");
        this.clock = clock;
    }

    /** Read per call: the default follows the base URL, which in development is known only once the server listens. */
    public RelyingParty relyingParty() {
        return RelyingParty.of(publicUrl.base(), config.rpId(), config.rpName(), config.origins());
    }

    /** The user handle: the bytes of the user id — opaque, stable, no personal data (WebAuthn L3 §14.6.1). */
    public static String userHandle(String userId) {
        return Base64Url.encode(userId.getBytes(StandardCharsets.UTF_8));
    }

    public PasskeyOptions.Creation registration(User user, Preferences prefs) {
        String uv = requirement(prefs.userVerification(), config.userVerification(), "userVerification");
        String resident = requirement(prefs.residentKey(), config.residentKey(), "residentKey");
        String attachment = prefs.authenticatorAttachment();
        if (attachment != null && !Set.of("platform", "cross-platform").contains(attachment)) {
            throw JanuaException.of(ErrorCode.VALIDATION_ERROR, "field", "authenticatorAttachment");
        }
        String challenge = begin(REGISTRATION, user.id(), null, uv);
        RelyingParty rp = relyingParty();
        List<Descriptor> exclude = passkeys.listByUser(user.id()).stream().map(PasskeyCeremonies::descriptor).toList();
        String displayName = prefs.displayName() != null && !prefs.displayName().isBlank() ? prefs.displayName().trim() : user.displayName();
        List<PasskeyOptions.Param> params = WebAuthnCeremony.ALGORITHMS.stream().map(a -> new PasskeyOptions.Param("public-key", a)).toList();
        return new PasskeyOptions.Creation(new PasskeyOptions.Rp(rp.id(), rp.name()),
                new PasskeyOptions.UserEntity(userHandle(user.id()), user.email(), displayName), challenge, params, timeoutMillis(), exclude,
                new PasskeyOptions.Selection(attachment, resident, "required".equals(resident), uv), null,
                "direct".equals(config.attestation()) ? "direct" : "none", Map.of("credProps", true), challengeId(challenge));
    }

    /**
     * Sign-in options. With an email, {@code allowCredentials} lists that user's passkeys; an email
     * without an account (or without passkeys) gets one decoy id derived from the email, the same
     * on every request, so the answer does not tell which emails have passkeys.
     */
    public PasskeyOptions.Request authentication(String email, User user) {
        String uv = requirement(null, config.userVerification(), "userVerification");
        boolean usernameless = email == null || email.isBlank();
        List<Descriptor> allow = null;
        String userId = null;
        if (!usernameless) {
            userId = user == null ? NOBODY : user.id();
            allow = user == null ? List.of() : passkeys.listByUser(user.id()).stream().map(PasskeyCeremonies::descriptor).toList();
            if (allow.isEmpty()) allow = List.of(decoy(email));
        }
        String challenge = begin(AUTHENTICATION, userId, null, uv);
        return new PasskeyOptions.Request(challenge, timeoutMillis(), relyingParty().id(), allow, uv, null, challengeId(challenge));
    }

    /** The MFA step after a password: this user's passkeys, bound to that one MFA challenge. */
    public PasskeyOptions.Request secondFactor(String userId, String mfaTokenHash) {
        List<Descriptor> allow = passkeys.listByUser(userId).stream().map(PasskeyCeremonies::descriptor).toList();
        if (allow.isEmpty()) throw JanuaException.of(ErrorCode.MFA_METHOD_UNAVAILABLE, "method", "passkey");
        String uv = requirement(null, config.userVerification(), "userVerification");
        String challenge = begin(SECOND_FACTOR, userId, mfaTokenHash, uv);
        return new PasskeyOptions.Request(challenge, timeoutMillis(), relyingParty().id(), allow, uv, null, challengeId(challenge));
    }

    /**
     * Spends the challenge a response carries, for the expected ceremony. Unknown, spent, expired,
     * or begun for another ceremony: {@code PASSKEY_CHALLENGE_INVALID} with the reason. A challenge
     * of the wrong ceremony is spent too, so it cannot be tried twice.
     */
    public ChallengeRow spend(String challenge, String ceremony) {
        String hash = Hashes.sha256Hex(challenge);
        Instant now = clock.instant();
        ChallengeRow row = challenges.find(hash).orElseThrow(() -> challengeInvalid("unknown"));
        if (!challenges.spend(hash, now)) {
            boolean used = challenges.find(hash).map(ChallengeRow::usedAt).isPresent();
            throw challengeInvalid(used ? "used" : "expired");
        }
        if (!ceremony.equals(row.ceremony())) throw challengeInvalid("wrong_ceremony");
        return row;
    }

    public static JanuaException challengeInvalid(String reason) {
        return JanuaException.of(ErrorCode.PASSKEY_CHALLENGE_INVALID, "reason", reason);
    }

    private String begin(String ceremony, String userId, String mfaTokenHash, String uv) {
        String challenge = Base64Url.encode(random.bytes(32));
        Instant now = clock.instant();
        challenges.insert(new ChallengeRow(Hashes.sha256Hex(challenge), ceremony, userId, mfaTokenHash, uv, now.plus(config.challengeTtl()),
                null), now);
        return challenge;
    }

    /** Not secret (the challenge itself travels to the browser); lets SDKs name the ceremony they finish. */
    private static String challengeId(String challenge) {
        return "pkc_" + Hashes.sha256Hex(challenge).substring(0, 24);
    }

    private long timeoutMillis() {
        return config.challengeTtl().toMillis();
    }

    private Descriptor decoy(String email) {
        byte[] id = HexFormat.of().parseHex(decoyIds.hex(email.trim().toLowerCase(Locale.ROOT)));
        return new Descriptor("public-key", Base64Url.encode(id), List.of("internal", "hybrid"));
    }

    private static Descriptor descriptor(PasskeyRow r) {
        return new Descriptor("public-key", r.credentialId(), List.copyOf(r.transports()));
    }

    /** A caller may ask for more than configured, never for less than a configured {@code required}. */
    private static String requirement(String asked, String configured, String field) {
        if ("required".equals(configured)) return configured;
        String value = asked == null || asked.isBlank() ? configured : asked.trim().toLowerCase(Locale.ROOT);
        if (!REQUIREMENTS.contains(value)) throw JanuaException.of(ErrorCode.VALIDATION_ERROR, "field", field);
        return value;
    }

    /** Challenges are worthless once expired; keep the table small. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    void purgeExpired() {
        challenges.deleteExpired(clock.instant().minus(Duration.ofHours(1)));
    }
}
