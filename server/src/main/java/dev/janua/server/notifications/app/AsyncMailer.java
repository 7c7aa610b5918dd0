package dev.janua.server.notifications.app;

import dev.janua.server.notifications.EmailMessage;
import dev.janua.server.notifications.Mailer;
import dev.janua.server.platform.config.JanuaProperties;
import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends over SMTP when {@code JANUA_SMTP_URL} is set; otherwise logs the message and keeps it in
 * the {@link DevMailbox}. Messages leave only after commit, on a virtual thread.
 */
@Service
class AsyncMailer implements Mailer {
    private static final Logger log = LoggerFactory.getLogger(AsyncMailer.class);
    private final EmailTemplates templates;
    private final DevMailbox mailbox;
    private final JavaMailSender smtp;
    private final String from;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    AsyncMailer(EmailTemplates templates, DevMailbox mailbox, ObjectProvider<JavaMailSender> smtp, JanuaProperties properties) {
        this.templates = templates;
        this.mailbox = mailbox;
        this.smtp = properties.smtpUrl().isBlank() ? null : smtp.getIfAvailable();
        this.from = properties.mailFrom();
    }

    @Override
    public void send(String template, Locale locale, String to, Map<String, String> variables) {
        EmailMessage message = templates.render(template, locale, to, variables);
        Runnable deliver = () -> executor.execute(() -> deliver(message));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver.run();
                }
            });
        } else {
            deliver.run();
        }
    }

    private void deliver(EmailMessage m) {
        if (smtp == null) {
            mailbox.add(m);
            log.info("email (no SMTP configured) to={} subject=\"{}\"\n{}", m.to(), m.subject(), m.body());
            return;
        }
        try {
            MimeMessage mime = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(m.to());
            helper.setSubject(m.subject());
            helper.setText(m.body(), false);
            smtp.send(mime);
            log.debug("email sent to={} template={}", m.to(), m.template());
        } catch (Exception e) {
            log.error("email to {} (template {}) failed: {}", m.to(), m.template(), e.getMessage());
        }
    }

    @PreDestroy
    void drain() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
