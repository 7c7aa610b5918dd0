package dev.janua.server.webhooks.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.webhooks.domain.Delivery;
import dev.janua.server.webhooks.domain.Endpoint;
import java.time.Instant;
import java.util.List;

/** Request and response bodies of the webhook API. */
final class WebhookViews {
    private WebhookViews() {}

    record EndpointRequest(String url, List<String> events, String secret, Boolean active, Boolean enabled, String description,
                           String organizationId) {
        Boolean activeFlag() {
            return active != null ? active : enabled;
        }
    }

    record SecretRequest(String secret) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EndpointView(String id, String url, String description, List<String> events, boolean active, String disabledReason,
                        String organizationId, Instant createdAt, Instant updatedAt, String secret) {
        static EndpointView of(Endpoint e, String secret) {
            return new EndpointView(e.id(), e.url(), e.description(), e.events(), e.active(), e.disabledReason(),
                    e.organizationId(), e.createdAt(), e.updatedAt(), secret);
        }
    }

    record SecretView(String secret, Instant previousSecretValidUntil) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryView(String id, String webhookId, String eventId, String eventType, String status, boolean success,
                        int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt,
                        Instant completedAt, String payload, List<Delivery.Attempt> attemptLog) {
        static DeliveryView of(Delivery d, List<Delivery.Attempt> attempts) {
            boolean waiting = Delivery.PENDING.equals(d.status()) || Delivery.DELIVERING.equals(d.status());
            return new DeliveryView(d.id(), d.endpointId(), d.eventId(), d.eventType(), d.status(),
                    Delivery.SUCCEEDED.equals(d.status()), d.attempts(), waiting ? d.nextAttemptAt() : null, d.lastStatusCode(),
                    d.lastError(), d.createdAt(), d.completedAt(), attempts == null ? null : d.payload(), attempts);
        }
    }
}
