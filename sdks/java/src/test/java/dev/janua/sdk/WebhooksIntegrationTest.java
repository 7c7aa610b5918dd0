package dev.janua.sdk;

import com.sun.net.httpserver.HttpServer;
import dev.janua.sdk.errors.WebhookVerificationException;
import dev.janua.sdk.model.WebhookDelivery;
import dev.janua.sdk.model.WebhookEndpoint;
import dev.janua.sdk.model.WebhookEvent;
import dev.janua.sdk.model.WebhookSecret;
import dev.janua.sdk.webhooks.WebhookVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real HTTP receiver on loopback gets Janua's deliveries and checks them with the SDK's verifier. */
@ExtendWith(JanuaServer.class)
class WebhooksIntegrationTest {
    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            received.add(new Received(new HashMap<>(ex.getRequestHeaders()), body));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private Received next(String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Received r = received.poll(200, TimeUnit.MILLISECONDS);
            if (r != null && type.equals(r.header("X-Janua-Event"))) return r;
        }
        throw new AssertionError("no " + type + " delivery");
    }

    @Test
    void deliveriesVerifyWithTheSdkHelperAndForgeriesDoNot() throws Exception {
        JanuaClient admin = TestSupport.admin();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        WebhookEndpoint endpoint = admin.webhooks().createEndpoint(WebhookEndpointParams.builder().url(url)
                .events("user.created").description("java sdk test"));
        String secret = endpoint.secret();
        assertTrue(secret.startsWith("whsec_"));
        assertTrue(admin.webhooks().listEventTypes().stream().anyMatch(t -> "user.created".equals(t.type())));

        String email = TestSupport.email("hooked");
        String userId = TestSupport.newUser(email).auth().getCurrentUser().id();
        Received r = next("user.created");

        WebhookEvent event = WebhookVerifier.verify(r.body(), r.headers(), secret);
        assertEquals("user.created", event.type());
        assertTrue(event.raw().toString().contains(userId), "the event names the new user");
        // the seed's header on its own, with and without the timestamp
        assertTrue(admin.webhooks().validateSignature(r.body(), r.header("X-Janua-Signature"), secret, r.header("X-Janua-Timestamp")));
        assertTrue(WebhookVerifier.validateSignature(r.body(), r.header("X-Janua-Signature"), secret));

        byte[] tampered = new String(r.body()).replace(email, "mallory@example.com").getBytes();
        assertEquals("SIGNATURE_MISMATCH", assertThrows(WebhookVerificationException.class,
                () -> WebhookVerifier.verify(tampered, r.headers(), secret)).code());
        assertThrows(WebhookVerificationException.class, () -> WebhookVerifier.verify(r.body(), r.headers(), "whsec_" + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB"));
        assertFalse(WebhookVerifier.validateSignature(tampered, r.header("X-Janua-Signature"), secret, r.header("X-Janua-Timestamp")));
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        assertEquals("TIMESTAMP_OUT_OF_TOLERANCE", assertThrows(WebhookVerificationException.class,
                () -> WebhookVerifier.verify(r.body(), r.headers(), secret, WebhookVerifier.DEFAULT_TOLERANCE, later)).code());

        // rotation: deliveries carry both signatures; the old and the new secret verify during the overlap
        WebhookSecret rotated = admin.webhooks().rotateSecret(endpoint.id());
        assertNotEquals(secret, rotated.secret());
        assertNotNull(rotated.previousSecretValidUntil());
        WebhookDelivery test = admin.webhooks().testEndpoint(endpoint.id());
        assertNotNull(test.id());
        TestSupport.newUser(TestSupport.email("hooked2"));
        Received afterRotation = next("user.created");
        assertEquals("user.created", WebhookVerifier.verify(afterRotation.body(), afterRotation.headers(), rotated.secret()).type());
        assertEquals("user.created", WebhookVerifier.verify(afterRotation.body(), afterRotation.headers(), secret).type());

        Page<WebhookDelivery> deliveries = admin.webhooks().listDeliveries(endpoint.id(), ListParams.builder().limit(10));
        assertTrue(deliveries.size() >= 2);
        WebhookDelivery d = admin.webhooks().getDelivery(endpoint.id(), deliveries.get(0).id());
        assertEquals(endpoint.id(), d.webhookId());
        assertEquals(rotated.secret(), admin.webhooks().getSecret(endpoint.id()).secret());
        assertFalse(admin.webhooks().updateEndpoint(endpoint.id(), WebhookEndpointParams.builder().active(false)).active());
        admin.webhooks().deleteEndpoint(endpoint.id());
        assertThrows(dev.janua.sdk.errors.NotFoundException.class, () -> admin.webhooks().getEndpoint(endpoint.id()));
    }
}
