package dev.janua.server.notifications.app;

import java.util.Properties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP client, configured from {@code spring.mail.*} (which {@code JanuaEnvironment} derives from
 * {@code JANUA_SMTP_URL}) when the server starts.
 *
 * <p>Built here rather than by Spring Boot's mail auto-configuration (excluded in application.yml): that one
 * exists only when {@code spring.mail.host} is set, and under Spring AOT (the {@code ./janua build} server)
 * such a condition is decided once, when the server is built, not when it starts. An operator who sets
 * {@code JANUA_SMTP_URL} after the build would have had no mail sent. The settings it applies are the
 * auto-configuration's: host, port, credentials, protocol, encoding and the JavaMail properties.
 */
final class SmtpClient {
    private SmtpClient() {}

    /** The client for the configured SMTP server, or null when none is configured. */
    static JavaMailSenderImpl from(Environment environment) {
        MailProperties mail = Binder.get(environment).bind("spring.mail", MailProperties.class).orElse(null);
        if (mail == null || mail.getHost() == null || mail.getHost().isBlank()) return null;
        JavaMailSenderImpl client = new JavaMailSenderImpl();
        client.setHost(mail.getHost());
        if (mail.getPort() != null) client.setPort(mail.getPort());
        client.setUsername(mail.getUsername());
        client.setPassword(mail.getPassword());
        client.setProtocol(mail.getProtocol());
        if (mail.getDefaultEncoding() != null) client.setDefaultEncoding(mail.getDefaultEncoding().name());
        Properties javaMail = new Properties();
        javaMail.putAll(mail.getProperties());
        client.setJavaMailProperties(javaMail);
        return client;
    }
}
