package dev.janua.server.mfa.app;

import dev.janua.server.mfa.domain.Base32;
import dev.janua.server.mfa.domain.BackupCodes;
import dev.janua.server.mfa.domain.Totp;
import dev.janua.server.mfa.persistence.JdbcFactorRepository;
import dev.janua.server.mfa.persistence.JdbcFactorRepository.BackupCodeRow;
import dev.janua.server.mfa.persistence.JdbcFactorRepository.SmsCodeRow;
import dev.janua.server.mfa.persistence.JdbcFactorRepository.TotpRow;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.KeyedHash;
import dev.janua.server.platform.crypto.PasswordHasher;
import dev.janua.server.platform.crypto.SecretBox;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks one code of each kind, and spends it when it matches: a TOTP step (never twice for a
 * user), a backup code (single use), an SMS code (single use). Each spend is one conditional
 * UPDATE, so two parallel requests with the same code cannot both pass.
 */
@Component
public class FactorChecks {
    private final JdbcFactorRepository factors;
    private final SecretBox box;
    private final PasswordHasher hasher;
    private final KeyedHash backupCodeHash;
    private final Clock clock;
    private final int window;

    public FactorChecks(JdbcFactorRepository factors, SecretBox box, PasswordHasher hasher, Clock clock, MfaProperties properties) {
        this.factors = factors;
        this.box = box;
        this.hasher = hasher;
        this.backupCodeHash = KeyedHash.forPurpose(box, "mfa-backup-code");
        this.clock = clock;
        this.window = properties.totpWindow();
    }

    /** The TOTP secret is sealed with the user id as associated data, so a row copied to another user does not open. */
    public String sealTotpSecret(String userId, String base32Secret) {
        return box.seal(base32Secret, "mfa_totp:" + userId);
    }

    /** The base32 secret being set up (not yet confirmed), to show it again; empty when there is none. */
    public Optional<String> pendingTotpSecret(String userId) {
        return factors.findTotp(userId).filter(r -> !r.confirmed()).map(r -> box.open(r.secretEnc(), "mfa_totp:" + userId));
    }

    /** {@code confirmed} picks the enrolled secret (sign-in) or the one being set up (confirmation). */
    public boolean totp(String userId, String code, boolean confirmed) {
        return matchingTotp(userId, code, confirmed).isPresent();
    }

    /**
     * A code of the secret being set up: the sealed secret it matched, or empty. Confirmation must
     * confirm exactly that secret ({@link JdbcFactorRepository#confirmTotp}): a set-up that lands
     * in between replaces it, and the user's app does not have the new one.
     */
    public Optional<String> pendingTotp(String userId, String code) {
        return matchingTotp(userId, code, false);
    }

    private Optional<String> matchingTotp(String userId, String code, boolean confirmed) {
        Optional<TotpRow> row = factors.findTotp(userId).filter(r -> r.confirmed() == confirmed);
        if (row.isEmpty() || code == null) return Optional.empty();
        String sealed = row.get().secretEnc();
        byte[] secret = Base32.decode(box.open(sealed, "mfa_totp:" + userId));
        long step = Totp.DEFAULT.matchingStep(secret, code.replace(" ", "").trim(), clock.instant(), window);
        return step >= 0 && factors.useTotpStep(userId, sealed, step, confirmed) ? Optional.of(sealed) : Optional.empty();
    }

    /**
     * {@code hmac-sha256$<hex>}: a keyed hash, not Argon2. A code has about 49 random bits, so a
     * slow hash adds nothing against online guessing (the code-check guard bounds that) and, once
     * the master key is taken with the database, the TOTP seeds it seals fall too. See docs/security.md.
     */
    public String hashBackupCode(String userId, String code) {
        return keyed(userId, BackupCodes.normalize(code));
    }

    /**
     * Each unused code of the user is compared; the match is spent atomically. Codes stored before
     * the keyed hash ({@code $argon2id$…}) still verify, one Argon2 each, until used or regenerated.
     */
    public boolean backupCode(String userId, String code) {
        String normalized = BackupCodes.normalize(code);
        if (normalized == null) return false;
        String keyed = keyed(userId, normalized);
        for (BackupCodeRow row : factors.unusedBackupCodes(userId)) {
            boolean match = row.codeHash().startsWith(KEYED_PREFIX)
                    ? Hashes.constantTimeEquals(keyed, row.codeHash())
                    : hasher.verify(normalized, row.codeHash());
            if (match) return factors.useBackupCode(row.id(), clock.instant());
        }
        return false;
    }

    private static final String KEYED_PREFIX = "hmac-sha256$";

    /** Bound to the user, so equal codes of two users do not show as equal hashes. */
    private String keyed(String userId, String normalized) {
        return KEYED_PREFIX + backupCodeHash.hex(userId + ":" + normalized);
    }

    public static String smsCodeHash(String userId, String purpose, String code) {
        return Hashes.sha256Hex(userId + ":" + purpose + ":" + code.trim());
    }

    /** An SMS sign-in code counts only for the challenge it was sent for. */
    public boolean smsForChallenge(String userId, String challengeHash, String code) {
        if (code == null || code.isBlank()) return false;
        Instant now = clock.instant();
        Optional<SmsCodeRow> row = factors.findSmsCode(userId, SmsPurpose.SIGNIN);
        if (row.isEmpty() || !challengeHash.equals(row.get().challengeHash())) return false;
        String hash = smsCodeHash(userId, SmsPurpose.SIGNIN, code);
        return Hashes.constantTimeEquals(hash, row.get().codeHash()) && factors.useSmsCode(userId, SmsPurpose.SIGNIN, hash, now);
    }

    /** Purposes of SMS codes (column {@code mfa_sms_codes.purpose}). */
    public static final class SmsPurpose {
        public static final String PHONE = "phone";
        public static final String MFA_SETUP = "mfa_setup";
        public static final String SIGNIN = "signin";

        private SmsPurpose() {}
    }
}
