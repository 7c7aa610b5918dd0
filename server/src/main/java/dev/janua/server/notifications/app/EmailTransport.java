package dev.janua.server.notifications.app;

import dev.janua.server.notifications.EmailMessage;
import dev.janua.server.platform.config.JanuaProperties;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one email to SMTP when {@code JANUA_SMTP_URL} is set; otherwise logs it and keeps it in the
 * {@link DevMailbox}. Throws when the SMTP server cannot be reached or refuses the message.
 */
@Component
class EmailTransport {
    /** The outbox id, the same on every attempt, so a receiving system (or a test) can spot a repeat. */
    static final String ID_HEADER = "X-Janua-Notification-Id";
    private static final Logger log = LoggerFactory.getLogger(EmailTransport.class);
    private final DevMailbox mailbox;
    private final JavaMailSender smtp;
    private final String from;

    EmailTransport(DevMailbox mailbox, Environment environment, JanuaProperties properties) {
        this.mailbox = mailbox;
        this.smtp = properties.smtpUrl().isBlank() ? null : SmtpClient.from(environment);
        this.from = properties.mailFrom();
    }

    void deliver(String id, EmailMessage m) throws Exception {
        if (smtp == null) {
            mailbox.add(m);
            log.info("email (no SMTP configured) to={} subject=\"{}\"\n{}", m.to(), m.subject(), m.body());
            return;
        }
        MimeMessage mime = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(m.to());
        helper.setSubject(m.subject());
        helper.setText(m.body(), false);
        mime.setHeader(ID_HEADER, id);
        smtp.send(mime);
        log.debug("email {} sent to={} template={}", id, m.to(), m.template());
    }
}
