package dev.janua.server.support;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole server on a random port, on H2 or PostgreSQL
 * ({@link TestDatabase}), sending mail to GreenMail, driven over real HTTP by {@link Api}.
 * All subclasses share one application context (same configuration), so the server starts once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.TestBeans.class)
public abstract class IntegrationTest {
    public static final String PASSWORD = "correct horse battery staple";
    public static final String BOOTSTRAP_ADMIN_EMAIL = "bootstrap-admin@janua.test";
    public static final String BOOTSTRAP_ADMIN_PASSWORD = "bootstrap admin passphrase";

    @LocalServerPort
    protected int port;
    @Autowired
    protected TestClock clock;
    @Autowired
    protected JdbcClient jdbc;
    protected Api api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", TestDatabase::jdbcUrl);
        if (TestDatabase.username() != null) r.add("spring.datasource.username", TestDatabase::username);
        r.add("janua.data-dir", () -> TestDatabase.dataDir().toString());
        r.add("janua.smtp-url", () -> "smtp://127.0.0.1:" + TestMail.port());
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", TestMail::port);
        r.add("janua.events.strict-catalogue", () -> "true");
        r.add("janua.admin-email", () -> BOOTSTRAP_ADMIN_EMAIL);
        r.add("janua.admin-password", () -> BOOTSTRAP_ADMIN_PASSWORD);
        // Tests use cheaper Argon2 parameters so the suite stays fast; the hashing rules are the same.
        r.add("janua.passwords.argon2-memory-kib", () -> "1024");
        r.add("janua.passwords.argon2-iterations", () -> "1");
        // Webhook receivers in tests listen on loopback. Rate limits: the suite signs in from 127.0.0.1 all the
        // time, so that address is exempt from IP buckets; limit tests use their own X-Forwarded-For addresses.
        r.add("janua.webhooks.allow-private-targets", () -> "true");
        r.add("janua.trust-proxy", () -> "true");
        r.add("janua.rate-limits.exempt-ips", () -> "127.0.0.1");
        r.add("janua.rate-limits.webhook-delivery.capacity", () -> "1000000");
        // The email/SMS outbox retries within seconds in tests (0.3 s doubling to 3 s, dead after 6 attempts).
        r.add("janua.notifications.retry-initial", () -> "300ms");
        r.add("janua.notifications.retry-max", () -> "3s");
        r.add("janua.notifications.max-attempts", () -> "6");
        r.add("janua.notifications.poll-interval", () -> "200ms");
        // SSO domain verification resolves TXT records through a local DNS server (TestDns)
        r.add("janua.sso.dns-server", TestDns::address);
    }

    @TestConfiguration
    static class TestBeans {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }

        @Bean
        static StatementLog statementLog() {
            return new StatementLog();
        }
    }

    @BeforeEach
    void setUpApi() {
        api = new Api(port);
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A unique email per call, so tests never collide on the shared database. */
    protected static String uniqueEmail(String tag) {
        return tag + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Signs up a fresh user and returns the sign-up response. */
    protected Api.Response signUp(String email) {
        Api.Response r = api.post("/api/v1/auth/signup", Api.map("email", email, "password", PASSWORD, "firstName", "Test", "lastName", "User"));
        if (r.status() != 201) throw new AssertionError("sign-up failed: " + r.status() + " " + r.raw().body());
        return r;
    }

    protected static String accessToken(Api.Response authResponse) {
        return authResponse.text("/tokens/accessToken");
    }

    protected static String refreshToken(Api.Response authResponse) {
        return authResponse.text("/tokens/refreshToken");
    }
}
