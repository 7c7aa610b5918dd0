package dev.janua.server.notifications.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.notifications.EmailMessage;
import dev.janua.server.support.TestProperties;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;

/** Without SMTP the outbox worker still has somewhere to deliver: the development mailbox. */
class EmailTransportTest {

    @Test
    void withoutSmtpAMessageLandsInTheDevelopmentMailbox(@TempDir Path dir) throws Exception {
        DevMailbox mailbox = new DevMailbox();
        EmailTransport transport = new EmailTransport(mailbox,
                new StandardEnvironment(), TestProperties.defaults(dir));
        transport.deliver("ntf_1", new EmailMessage("ada@example.com", "Reset", "prt_abc", "password_reset", Instant.EPOCH));
        assertThat(mailbox.list("ADA@example.com")).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Reset");
            assertThat(m.body()).isEqualTo("prt_abc");
        });
        assertThat(mailbox.list("bob@example.com")).isEmpty();
    }
}
