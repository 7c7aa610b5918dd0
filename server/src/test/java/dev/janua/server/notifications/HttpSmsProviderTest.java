package dev.janua.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.janua.server.notifications.app.HttpSmsProvider;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generic HTTP SMS provider against a real HTTP server on loopback. */
class HttpSmsProviderTest {
    private HttpServer server;
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body});
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    @Test
    void postsJsonWithTheConfiguredAuthorization() throws Exception {
        HttpSmsProvider p = new HttpSmsProvider(url(), "json", "Bearer s3cret", "Janua", Duration.ofSeconds(5));
        p.deliver(new SmsMessage("+14155550123", "Your code is 123456", Instant.now()));
        assertThat(received).hasSize(1);
        String[] r = received.getFirst();
        assertThat(r[0]).isEqualTo("POST");
        assertThat(r[1]).isEqualTo("application/json");
        assertThat(r[2]).isEqualTo("Bearer s3cret");
        assertThat(r[3]).isEqualTo("{\"to\":\"+14155550123\",\"from\":\"Janua\",\"body\":\"Your code is 123456\"}");
    }

    @Test
    void formatFormSendsTwilioFields() throws Exception {
        new HttpSmsProvider(url(), "form", "", "+15005550006", Duration.ofSeconds(5))
                .deliver(new SmsMessage("+14155550123", "code 1", Instant.now()));
        String[] r = received.getFirst();
        assertThat(r[1]).isEqualTo("application/x-www-form-urlencoded");
        assertThat(r[2]).isNull();
        assertThat(r[3]).isEqualTo("To=%2B14155550123&From=%2B15005550006&Body=code+1");
    }

    @Test
    void aNon2xxAnswerIsAFailure() {
        status.set(500);
        HttpSmsProvider p = new HttpSmsProvider(url(), "json", null, "Janua", Duration.ofSeconds(5));
        assertThatThrownBy(() -> p.deliver(new SmsMessage("+14155550123", "x", Instant.now())))
                .hasMessageContaining("500");
        status.set(302);
        assertThatThrownBy(() -> p.deliver(new SmsMessage("+14155550123", "x", Instant.now())))
                .hasMessageContaining("302");
    }
}
