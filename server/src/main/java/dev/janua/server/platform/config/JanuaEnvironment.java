package dev.janua.server.platform.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns Janua's own settings ({@code JANUA_DATABASE_URL}, {@code JANUA_SMTP_URL}, …) into the
 * Spring properties they stand for, so an operator only ever sets {@code JANUA_*} variables.
 * With no database URL the server runs on an embedded H2 file in the data directory.
 */
public class JanuaEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new HashMap<>();
        String dataDir = env.getProperty("janua.data-dir", "./data");
        String databaseUrl = env.getProperty("janua.database-url", "");
        if (databaseUrl.isBlank()) {
            Path file = Path.of(dataDir).toAbsolutePath().normalize().resolve("janua");
            props.put("spring.datasource.url", "jdbc:h2:file:" + file
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128");
            // No WRITE_DELAY=0: a commit is still written before it is answered, so a killed process loses no
            // committed event, but by platform/persistence/h2/GroupCommit, one write for all the commits waiting
            // (H2's own writer, every 500 ms, only catches what no commit waited for: nothing Janua writes).
            // QUERY_CACHE_SIZE: parsed statements kept per connection (H2's default, 8, is fewer than one sign-in
            // uses, so every statement was parsed again: issue 16's sign-in profile)
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
        } else {
            DatabaseUrl db = DatabaseUrl.parse(databaseUrl);
            props.put("spring.datasource.url", db.jdbcUrl());
            if (db.username() != null) props.put("spring.datasource.username", db.username());
            if (db.password() != null) props.put("spring.datasource.password", db.password());
        }
        String smtp = env.getProperty("janua.smtp-url", "");
        if (!smtp.isBlank()) putSmtp(URI.create(smtp), props);
        env.getPropertySources().addFirst(new MapPropertySource("janua-derived", props));
    }

    private static void putSmtp(URI uri, Map<String, Object> props) {
        boolean tls = "smtps".equalsIgnoreCase(uri.getScheme());
        props.put("spring.mail.host", uri.getHost());
        props.put("spring.mail.port", uri.getPort() > 0 ? uri.getPort() : (tls ? 465 : 25));
        if (tls) props.put("spring.mail.protocol", "smtps");
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            props.put("spring.mail.username", decode(parts[0]));
            if (parts.length > 1) props.put("spring.mail.password", decode(parts[1]));
            props.put("spring.mail.properties.mail.smtp.auth", "true");
        }
        if (uri.getQuery() != null && uri.getQuery().contains("starttls=true")) {
            props.put("spring.mail.properties.mail.smtp.starttls.enable", "true");
        }
    }

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Accepts {@code jdbc:…} URLs as they are, and {@code postgres://user:pass@host:port/db} as libpq writes them. */
    public record DatabaseUrl(String jdbcUrl, String username, String password) {
        public static DatabaseUrl parse(String url) {
            if (url.startsWith("jdbc:")) return new DatabaseUrl(url, null, null);
            URI uri = URI.create(url);
            if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
                throw new IllegalArgumentException("JANUA_DATABASE_URL must be jdbc:… or postgres://…, got scheme " + uri.getScheme());
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                if (parts.length > 1) password = decode(parts[1]);
            }
            String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return new DatabaseUrl(jdbc, user, password);
        }
    }
}
