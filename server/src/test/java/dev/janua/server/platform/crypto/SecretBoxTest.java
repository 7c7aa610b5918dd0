package dev.janua.server.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.support.TestProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    @TempDir
    Path dir;

    @Test
    void sealsAndOpensBoundToItsContext() {
        SecretBox box = new SecretBox(TestProperties.defaults(dir));
        String sealed = box.seal("totp-seed", "user:1");
        assertThat(sealed).startsWith("v1.").doesNotContain("totp-seed");
        assertThat(box.open(sealed, "user:1")).isEqualTo("totp-seed");
        assertThatThrownBy(() -> box.open(sealed, "user:2")).isInstanceOf(IllegalStateException.class);
        assertThat(box.seal("x", "c")).isNotEqualTo(box.seal("x", "c"));
    }

    @Test
    void aDevelopmentKeyIsGeneratedOnceAndReused() throws Exception {
        SecretBox first = new SecretBox(TestProperties.defaults(dir));
        String sealed = first.seal("secret", "ctx");
        assertThat(Files.exists(dir.resolve("master.key"))).isTrue();
        SecretBox second = new SecretBox(TestProperties.defaults(dir));
        assertThat(second.open(sealed, "ctx")).isEqualTo("secret");
    }

    @Test
    void tamperedCiphertextIsRefused() {
        SecretBox box = new SecretBox(TestProperties.defaults(dir));
        String sealed = box.seal("secret", "ctx");
        // flip one bit of the ciphertext body (not of the base64 text, whose padding bits decode to nothing)
        byte[] raw = java.util.Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 20] ^= 0x01;
        String tampered = "v1." + java.util.Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.open(tampered, "ctx")).isInstanceOf(IllegalStateException.class);
    }
}
