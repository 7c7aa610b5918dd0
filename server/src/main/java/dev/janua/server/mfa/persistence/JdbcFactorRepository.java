package dev.janua.server.mfa.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the enrolled factors: the TOTP secret, backup codes and the SMS phone. */
@Repository
public class JdbcFactorRepository {
    private final JdbcClient jdbc;

    public JdbcFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record TotpRow(String userId, String secretEnc, Instant confirmedAt, Long lastUsedStep) {
        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    public Optional<TotpRow> findTotp(String userId) {
        return jdbc.sql("SELECT user_id, secret_enc, confirmed_at, last_used_step FROM mfa_totp WHERE user_id = :u")
                .param("u", userId)
                .query((rs, i) -> new TotpRow(rs.getString("user_id"), rs.getString("secret_enc"),
                        Sql.instant(rs, "confirmed_at"), (Long) rs.getObject("last_used_step", Long.class)))
                .optional();
    }

    /**
     * Starts a set-up: inserts the pending secret when the user has no TOTP row ({@code expected}
     * null), otherwise replaces the pending secret only if it is still {@code expected} (the sealed
     * value, unique per seal). Two parallel set-ups therefore cannot both succeed: the second
     * INSERT hits the primary key, the second UPDATE finds the secret changed (0 rows). A confirmed
     * authenticator is never overwritten. Check counters stay, so a new set-up does not reset them.
     *
     * @return false when the pending secret changed since it was read
     * @throws org.springframework.dao.DuplicateKeyException when a parallel set-up inserted first
     */
    public boolean startTotpSetup(String userId, String expected, String secretEnc, Instant now) {
        if (expected == null) {
            return jdbc.sql("INSERT INTO mfa_totp (user_id, secret_enc, created_at) VALUES (:u, :s, :now)")
                    .param("u", userId).param("s", secretEnc).param("now", Sql.ts(now)).update() == 1;
        }
        return jdbc.sql("""
                UPDATE mfa_totp SET secret_enc = :s, created_at = :now, last_used_step = NULL
                WHERE user_id = :u AND confirmed_at IS NULL AND secret_enc = :old""")
                .param("s", secretEnc).param("now", Sql.ts(now)).param("u", userId).param("old", expected).update() == 1;
    }

    /**
     * Accepts a TOTP step only if it is later than the last one used: of two parallel requests
     * with the same code, one updates the row and the other sees 0 rows (a replay).
     */
    public boolean useTotpStep(String userId, String secretEnc, long step, boolean confirmed) {
        String state = confirmed ? "confirmed_at IS NOT NULL" : "confirmed_at IS NULL";
        // and only on the secret the code was checked against (a new set-up may have replaced it)
        return jdbc.sql("UPDATE mfa_totp SET last_used_step = :step WHERE user_id = :u AND secret_enc = :s"
                        + " AND (last_used_step IS NULL OR last_used_step < :step) AND " + state)
                .param("step", step).param("u", userId).param("s", secretEnc).update() == 1;
    }

    /**
     * Takes one code check of the user's window (fixed window, conditional UPDATEs, so parallel
     * checks cannot exceed {@code limit}). True also when the user has no authenticator row.
     */
    public boolean takeCodeCheck(String userId, Instant now, Duration window, int limit) {
        Instant floor = now.minus(window);
        if (jdbc.sql("""
                UPDATE mfa_totp SET checks_in_window = checks_in_window + 1
                WHERE user_id = :u AND check_window_start > :floor AND checks_in_window < :limit""")
                .param("u", userId).param("floor", Sql.ts(floor)).param("limit", limit).update() == 1) return true;
        if (jdbc.sql("""
                UPDATE mfa_totp SET check_window_start = :now, checks_in_window = 1
                WHERE user_id = :u AND (check_window_start IS NULL OR check_window_start <= :floor)""")
                .param("now", Sql.ts(now)).param("u", userId).param("floor", Sql.ts(floor)).update() == 1) return true;
        return findTotp(userId).isEmpty();
    }

    /** A right code ends the run of failures. */
    public void resetCodeChecks(String userId) {
        jdbc.sql("UPDATE mfa_totp SET checks_in_window = 0 WHERE user_id = :u AND checks_in_window > 0").param("u", userId).update();
    }

    public Optional<Instant> codeCheckWindowStart(String userId) {
        return jdbc.sql("SELECT check_window_start FROM mfa_totp WHERE user_id = :u").param("u", userId)
                .query((rs, i) -> Sql.instant(rs, "check_window_start")).optional();
    }

    /**
     * Confirms the pending secret only if it is still {@code secretEnc}, the one a code was checked
     * against: each set-up seals a fresh secret under a fresh nonce, so the sealed value identifies
     * the set-up. False when there is no pending set-up or a newer one replaced it.
     */
    public boolean confirmTotp(String userId, String secretEnc, Instant now) {
        return jdbc.sql("UPDATE mfa_totp SET confirmed_at = :now WHERE user_id = :u AND confirmed_at IS NULL AND secret_enc = :s")
                .param("now", Sql.ts(now)).param("u", userId).param("s", secretEnc).update() == 1;
    }

    public void deleteTotp(String userId) {
        jdbc.sql("DELETE FROM mfa_totp WHERE user_id = :u").param("u", userId).update();
    }

    // --- backup codes -------------------------------------------------------------------------

    public record BackupCodeRow(String id, String codeHash) {}

    public void insertBackupCode(String id, String userId, String hash, Instant now, boolean active) {
        jdbc.sql("INSERT INTO mfa_backup_codes (id, user_id, code_hash, created_at, activated_at) VALUES (:id, :u, :h, :now, :act)")
                .param("id", id).param("u", userId).param("h", hash).param("now", Sql.ts(now))
                .param("act", active ? Sql.ts(now) : null).update();
    }

    public void deletePendingBackupCodes(String userId) {
        jdbc.sql("DELETE FROM mfa_backup_codes WHERE user_id = :u AND activated_at IS NULL").param("u", userId).update();
    }

    /** The pending set replaces the active one: confirming a new authenticator voids older backup codes. */
    public void activatePendingBackupCodes(String userId, Instant now) {
        jdbc.sql("DELETE FROM mfa_backup_codes WHERE user_id = :u AND activated_at IS NOT NULL").param("u", userId).update();
        jdbc.sql("UPDATE mfa_backup_codes SET activated_at = :now WHERE user_id = :u AND activated_at IS NULL")
                .param("now", Sql.ts(now)).param("u", userId).update();
    }

    public void deleteBackupCodes(String userId) {
        jdbc.sql("DELETE FROM mfa_backup_codes WHERE user_id = :u").param("u", userId).update();
    }

    public List<BackupCodeRow> unusedBackupCodes(String userId) {
        return jdbc.sql("""
                SELECT id, code_hash FROM mfa_backup_codes
                WHERE user_id = :u AND activated_at IS NOT NULL AND used_at IS NULL ORDER BY id""")
                .param("u", userId).query((rs, i) -> new BackupCodeRow(rs.getString("id"), rs.getString("code_hash"))).list();
    }

    public record BackupCodeCounts(int total, int remaining, Instant generatedAt) {}

    public BackupCodeCounts backupCodeCounts(String userId) {
        return jdbc.sql("""
                SELECT COUNT(*) AS total, COUNT(*) - COUNT(used_at) AS remaining, MIN(activated_at) AS generated
                FROM mfa_backup_codes WHERE user_id = :u AND activated_at IS NOT NULL""")
                .param("u", userId)
                .query((rs, i) -> new BackupCodeCounts(rs.getInt("total"), rs.getInt("remaining"), Sql.instant(rs, "generated")))
                .single();
    }

    /** Single use: of parallel redemptions of one code, exactly one sees 1 row. */
    public boolean useBackupCode(String id, Instant now) {
        return jdbc.sql("UPDATE mfa_backup_codes SET used_at = :now WHERE id = :id AND used_at IS NULL AND activated_at IS NOT NULL")
                .param("now", Sql.ts(now)).param("id", id).update() == 1;
    }

    // --- SMS factor and codes -----------------------------------------------------------------

    public Optional<String> smsPhone(String userId) {
        return jdbc.sql("SELECT phone_number FROM mfa_sms WHERE user_id = :u").param("u", userId).query(String.class).optional();
    }

    public void replaceSmsFactor(String userId, String phone, Instant now) {
        jdbc.sql("DELETE FROM mfa_sms WHERE user_id = :u").param("u", userId).update();
        jdbc.sql("INSERT INTO mfa_sms (user_id, phone_number, verified_at) VALUES (:u, :p, :now)")
                .param("u", userId).param("p", phone).param("now", Sql.ts(now)).update();
    }

    public void deleteSmsFactor(String userId) {
        jdbc.sql("DELETE FROM mfa_sms WHERE user_id = :u").param("u", userId).update();
        jdbc.sql("DELETE FROM mfa_sms_codes WHERE user_id = :u").param("u", userId).update();
    }

    public record SmsCodeRow(String phoneNumber, String codeHash, String challengeHash, int attempts, Instant expiresAt,
                             Instant usedAt) {}

    public void replaceSmsCode(String userId, String purpose, String phone, String codeHash, String challengeHash,
                               Instant now, Instant expires) {
        jdbc.sql("DELETE FROM mfa_sms_codes WHERE user_id = :u AND purpose = :p").param("u", userId).param("p", purpose).update();
        jdbc.sql("""
                INSERT INTO mfa_sms_codes (user_id, purpose, phone_number, code_hash, challenge_hash, created_at, expires_at)
                VALUES (:u, :p, :phone, :h, :c, :now, :exp)""")
                .param("u", userId).param("p", purpose).param("phone", phone).param("h", codeHash).param("c", challengeHash)
                .param("now", Sql.ts(now)).param("exp", Sql.ts(expires)).update();
    }

    public Optional<SmsCodeRow> findSmsCode(String userId, String purpose) {
        return jdbc.sql("""
                SELECT phone_number, code_hash, challenge_hash, attempts, expires_at, used_at
                FROM mfa_sms_codes WHERE user_id = :u AND purpose = :p""")
                .param("u", userId).param("p", purpose)
                .query((rs, i) -> new SmsCodeRow(rs.getString("phone_number"), rs.getString("code_hash"),
                        rs.getString("challenge_hash"), rs.getInt("attempts"), Sql.instant(rs, "expires_at"),
                        Sql.instant(rs, "used_at")))
                .optional();
    }

    /** Takes one of the code's attempts, or none when it is used, expired or out of attempts. */
    public boolean takeSmsAttempt(String userId, String purpose, int maxAttempts, Instant now) {
        return jdbc.sql("""
                UPDATE mfa_sms_codes SET attempts = attempts + 1
                WHERE user_id = :u AND purpose = :p AND used_at IS NULL AND expires_at > :now AND attempts < :max""")
                .param("u", userId).param("p", purpose).param("now", Sql.ts(now)).param("max", maxAttempts).update() == 1;
    }

    public boolean useSmsCode(String userId, String purpose, String codeHash, Instant now) {
        return jdbc.sql("""
                UPDATE mfa_sms_codes SET used_at = :now
                WHERE user_id = :u AND purpose = :p AND code_hash = :h AND used_at IS NULL AND expires_at > :now""")
                .param("now", Sql.ts(now)).param("u", userId).param("p", purpose).param("h", codeHash).update() == 1;
    }
}
