package dev.janua.server.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error code has a message in each language Janua answers in (en, es, fr, de). */
class ErrorMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_es.properties", "messages_fr.properties", "messages_de.properties"})
    void everyErrorCodeHasAMessage(String file) throws IOException {
        Properties messages = load(file);
        List<String> missing = new ArrayList<>();
        for (ErrorCode code : ErrorCode.values()) {
            String message = messages.getProperty(code.messageKey());
            if (message == null || message.isBlank()) missing.add(code.name());
        }
        assertThat(missing).as("error codes without a message in %s", file).isEmpty();
    }

    private static Properties load(String file) throws IOException {
        try (InputStream in = ErrorMessagesTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
