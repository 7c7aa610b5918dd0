package dev.janua.server.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.support.TestProperties;
import dev.janua.server.users.domain.PasswordPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(TestProperties.defaults(Path.of("/tmp")));

    @Test
    void acceptsLongPassphrasesWithoutCompositionRules() {
        assertThatCode(() -> policy.check("correct horse battery staple", "a@example.com")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("SecurePassword123!", "a@example.com")).doesNotThrowAnyException();
    }

    @Test
    void countsLengthInCodePointsNotUtf16Units() {
        // 8 emoji are 16 UTF-16 units but 8 code points: long enough; 7 are not
        assertThat(reason("😀😁😂🤣😃😄😅", null)).isEqualTo("too_short");
        assertThatCode(() -> policy.check("😀😁😂🤣😃😄😅😆", null)).doesNotThrowAnyException();
    }

    @Test
    void refusesCommonPasswordsAndOnesEqualToTheEmailOrName() {
        assertThat(reason("password123", "a@example.com")).isEqualTo("too_common");
        assertThat(reason("qwertyuiop", null)).isEqualTo("too_common");
        assertThat(reason("iloveyou1", null)).isEqualTo("too_common");
        assertThat(reason("jonathan.livingston@example.com", "jonathan.livingston@example.com")).isEqualTo("matches_email");
        assertThat(reason("Bartholomew-Fitzgerald", "x@example.com", "Bartholomew-Fitzgerald")).isEqualTo("matches_name");
    }

    @Test
    void refusesOverlongPasswords() {
        assertThat(reason("a".repeat(129), null)).isEqualTo("too_long");
    }

    @Test
    void aMissingPasswordIsAValidationErrorNotAWeakOne() {
        JanuaException e = catchThrowableOfType(JanuaException.class, () -> policy.check("", null));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
    }

    private String reason(String password, String email, String... names) {
        JanuaException e = catchThrowableOfType(JanuaException.class, () -> policy.check(password, email, names));
        assertThat(e).as("expected %s to be refused", password).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.WEAK_PASSWORD);
        return (String) e.details().get("reason");
    }
}
