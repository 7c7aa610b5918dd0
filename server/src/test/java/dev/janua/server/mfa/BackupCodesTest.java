package dev.janua.server.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.mfa.domain.BackupCodes;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupCodesTest {
    @Test
    void tenDistinctCodesOfTenCharactersThatNormalizeBack() {
        List<String> codes = BackupCodes.generate(new SecureRandom());
        assertThat(codes).hasSize(10);
        assertThat(new HashSet<>(codes)).hasSize(10);
        for (String c : codes) {
            assertThat(c).matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");
            assertThat(BackupCodes.normalize(c)).hasSize(10);
            assertThat(BackupCodes.normalize(c.toLowerCase().replace("-", " "))).isEqualTo(BackupCodes.normalize(c));
        }
    }

    @Test
    void somethingThatCannotBeACodeNormalizesToNull() {
        assertThat(BackupCodes.normalize("123456")).isNull();
        assertThat(BackupCodes.normalize("ABCDE-FGHI0")).isNull();
        assertThat(BackupCodes.normalize(null)).isNull();
    }
}
