package dev.janua.server.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A misspelt {@code JANUA_PASSWORDS_ARGON2_IMPLEMENTATION} stops the start with a message naming the
 * setting, at binding, rather than surfacing as a failed first sign-in (the engine is chosen in the background).
 */
class Argon2ImplementationSettingTest {
    private static JanuaProperties.Passwords bind(String value) {
        return new Binder(new MapConfigurationPropertySource(Map.of("janua.passwords.argon2-implementation", value)))
                .bindOrCreate("janua.passwords", JanuaProperties.Passwords.class);
    }

    @Test
    void anUnknownImplementationFailsTheBindingWithAClearMessage() {
        assertThatThrownBy(() -> bind("fast"))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("JANUA_PASSWORDS_ARGON2_IMPLEMENTATION").hasMessageContaining("auto, native or java")
                .hasMessageContaining("'fast'");
    }

    @Test
    void theKnownImplementationsBindInAnyCase() {
        for (String ok : new String[] {"auto", "native", "java", "Java", " AUTO "}) {
            assertThat(bind(ok).argon2Implementation()).isEqualTo(ok);
        }
    }
}
