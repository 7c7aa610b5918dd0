package dev.janua.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** An imported bcrypt hash signs in and is replaced by Argon2id (done by the users module's password check). */
class PasswordUpgradeIntegrationTest extends IntegrationTest {

    @Test
    void anImportedBcryptHashSignsInAndIsUpgradedToArgon2id() {
        String email = uniqueEmail("bcrypt");
        String userId = signUp(email).text("/user/id");
        jdbc.sql("UPDATE users SET password_hash = :h WHERE id = :id")
                .param("h", new BCryptPasswordEncoder(4).encode("an imported passphrase")).param("id", userId).update();

        Api.Response in = api.post("/api/v1/auth/signin", Api.map("email", email, "password", "an imported passphrase"));
        assertThat(in.status()).as(in.raw().body()).isEqualTo(200);
        String stored = jdbc.sql("SELECT password_hash FROM users WHERE id = :id").param("id", userId).query(String.class).single();
        assertThat(stored).startsWith("$argon2id$");
        assertThat(api.post("/api/v1/auth/signin", Api.map("email", email, "password", "an imported passphrase")).status()).isEqualTo(200);
    }
}
