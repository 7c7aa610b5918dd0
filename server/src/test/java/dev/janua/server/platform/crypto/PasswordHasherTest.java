package dev.janua.server.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.TestProperties;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(TestProperties.defaults(Path.of("/tmp")));

    @Test
    void hashesWithArgon2idAtTheOwaspParametersInAPhcString() {
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void weakerArgon2ParametersAskForARehash() {
        String old = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode("pw");
        assertThat(hasher.verify("pw", old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
    }

    @Test
    void importedBcryptHashesOfEveryVariantVerifyAndAskForUpgrade() {
        String a = new BCryptPasswordEncoder(4).encode("imported secret");
        assertThat(hasher.verify("imported secret", a)).isTrue();
        assertThat(hasher.verify("imported secret", a.replaceFirst("^\\$2a\\$", "\\$2b\\$"))).isTrue();
        assertThat(hasher.verify("imported secret", a.replaceFirst("^\\$2a\\$", "\\$2y\\$"))).isTrue();
        assertThat(hasher.verify("wrong", a)).isFalse();
        assertThat(hasher.needsRehash(a)).isTrue();
    }

    @Test
    void importedPasslibPbkdf2Sha256HashesVerify() {
        // passlib's layout of PBKDF2-HMAC-SHA256("password", salt "salt", 1000 rounds, 32 bytes),
        // computed independently with Python's hashlib.pbkdf2_hmac
        String passlib = "$pbkdf2-sha256$1000$c2FsdA$YywoEuRtRgQQK6dhjp1tfS.BKPYma0oDJk0qBGC33LM";
        assertThat(hasher.verify("password", passlib)).isTrue();
        assertThat(hasher.verify("Password", passlib)).isFalse();
        assertThat(hasher.needsRehash(passlib)).isTrue();
    }

    @Test
    void unknownFormatsAndMissingHashesNeverVerify() {
        assertThat(hasher.verify("x", "md5$abc")).isFalse();
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "")).isFalse();
    }
}
