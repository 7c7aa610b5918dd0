package dev.janua.server.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.mfa.domain.BackupCodes;
import dev.janua.server.platform.crypto.PasswordHasher;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.support.Api;
import dev.janua.server.support.Concurrently;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * TOTP set-up under concurrency (issue 18, items 2 and 13): no hash inside the set-up's
 * transaction, so many set-ups at once leave other requests answered; and overlapping set-ups
 * of one user cannot both answer 200 while only one secret is kept.
 */
class TotpSetupConcurrencyIntegrationTest extends MfaTestSupport {
    @Autowired
    SecretBox box;
    @Autowired
    PasswordHasher hasher;

    @Test
    void sixteenUsersSettingUpTotpAtOnceLeaveAnUnrelatedRequestAnsweredAndNothingFails() throws Exception {
        List<String> tokens = new ArrayList<>();
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Api.Response up = signUp(uniqueEmail("setup16"));
            tokens.add(accessToken(up));
            userIds.add(up.text("/user/id"));
        }
        String bystander = accessToken(signUp(uniqueEmail("bystander")));
        AtomicInteger next = new AtomicInteger();
        List<Api.Response> answers = Concurrently.run(17, () -> {
            int i = next.getAndIncrement();
            return i == 16
                    ? api.get("/api/v1/auth/me", "Authorization", Api.bearer(bystander))
                    : api.post("/api/v1/mfa/setup", Api.map("type", "totp"), "Authorization", Api.bearer(tokens.get(i)));
        });
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.raw().body()).isLessThan(500));
        assertThat(answers).filteredOn(r -> r.json() != null && r.json().has("secret")).hasSize(16);
        assertThat(answers).filteredOn(r -> r.json() != null && r.json().has("email")).hasSize(1);
        // each user's stored pending secret is the one it was given, with its ten pending codes
        for (Api.Response r : answers) {
            if (!r.json().has("secret")) continue;
            String userId = userIdOfSecret(r.text("/secret"), userIds);
            assertThat(userId).as("a stored secret matches the answer").isNotNull();
            assertThat(pendingBackupCodes(userId)).isEqualTo(BackupCodes.COUNT);
        }
    }

    @Test
    void eightOverlappingSetUpsByOneUserNeverFailWithA5xxAndTheSecretKeptIsOneThatWasHandedOut() throws Exception {
        Api.Response up = signUp(uniqueEmail("setup8"));
        String access = accessToken(up);
        String userId = up.text("/user/id");
        List<Api.Response> answers = Concurrently.run(8,
                () -> api.post("/api/v1/mfa/setup", Api.map("type", "totp"), "Authorization", Api.bearer(access)));

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.raw().body()).isIn(200, 409));
        assertThat(answers).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("MFA_SETUP_IN_PROGRESS"));
        List<Api.Response> winners = answers.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).isNotEmpty();

        // the state left behind: one pending secret, handed out by one of the 200s, and that answer's ten codes
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mfa_totp WHERE user_id = :u").param("u", userId).query(Long.class).single()).isEqualTo(1);
        String stored = storedSecret(userId);
        Api.Response kept = winners.stream().filter(w -> w.text("/secret").equals(stored)).findFirst().orElse(null);
        assertThat(kept).as("the stored secret was answered with a 200").isNotNull();
        assertThat(pendingBackupCodes(userId)).isEqualTo(BackupCodes.COUNT);

        // a code from the kept answer confirms the set-up, and that answer's backup codes are the live ones
        Api.Response confirm = api.post("/api/v1/mfa/verify", Api.map("code", code(stored)), "Authorization", Api.bearer(access));
        assertThat(confirm.status()).as(confirm.raw().body()).isEqualTo(200);
        String backup = kept.json().path("backupCodes").get(0).asString();
        Api.Response stepUp = api.post("/api/v1/mfa/verify", Api.map("code", backup), "Authorization", Api.bearer(access));
        assertThat(stepUp.status()).as(stepUp.raw().body()).isEqualTo(200);
    }

    @Test
    void backupCodesAreStoredAsKeyedHashesAndOlderArgon2CodesStillVerifyOnce() {
        Enrolled u = enrolledUser("legacy-backup");
        List<String> stored = jdbc.sql("SELECT code_hash FROM mfa_backup_codes WHERE user_id = :u").param("u", u.userId())
                .query(String.class).list();
        assertThat(stored).hasSize(BackupCodes.COUNT).allSatisfy(h -> assertThat(h).matches("hmac-sha256\\$[0-9a-f]{64}"));

        // a code stored by an earlier release: Argon2id of the normalised code
        String legacy = "ABCDE-FGHJK";
        jdbc.sql("INSERT INTO mfa_backup_codes (id, user_id, code_hash, created_at, activated_at) VALUES ('bkl_' || :u, :u, :h, :now, :now)")
                .param("u", u.userId()).param("h", hasher.hash(BackupCodes.normalize(legacy)))
                .param("now", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)).update();
        Api.Response ok = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(u.email()), "method", "backup_code",
                "code", legacy.toLowerCase()));
        assertThat(ok.status()).as(ok.raw().body()).isEqualTo(200);
        Api.Response again = api.post("/api/v1/auth/login/mfa", Api.map("mfaToken", mfaToken(u.email()), "method", "backup_code",
                "code", legacy));
        assertThat(again.errorCode()).isEqualTo("INVALID_MFA_CODE");
    }

    private String storedSecret(String userId) {
        String sealed = jdbc.sql("SELECT secret_enc FROM mfa_totp WHERE user_id = :u").param("u", userId).query(String.class).single();
        return box.open(sealed, "mfa_totp:" + userId);
    }

    private String userIdOfSecret(String secret, List<String> userIds) {
        for (String id : userIds) if (storedSecret(id).equals(secret)) return id;
        return null;
    }

    private long pendingBackupCodes(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM mfa_backup_codes WHERE user_id = :u AND activated_at IS NULL")
                .param("u", userId).query(Long.class).single();
    }
}
