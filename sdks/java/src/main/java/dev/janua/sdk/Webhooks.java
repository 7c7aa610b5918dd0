package dev.janua.sdk;

import dev.janua.sdk.model.Ack;
import dev.janua.sdk.model.WebhookDelivery;
import dev.janua.sdk.model.WebhookEndpoint;
import dev.janua.sdk.model.WebhookEvent;
import dev.janua.sdk.model.WebhookEventType;
import dev.janua.sdk.model.WebhookSecret;
import dev.janua.sdk.webhooks.WebhookVerifier;

import java.util.List;
import java.util.Map;

/** Webhook endpoints, their secrets and deliveries; {@link #verify} checks a delivery you received. */
public final class Webhooks extends Namespace {
    Webhooks(Transport t) { super(t); }

    /** {@code POST /webhooks}: the answer carries the signing secret ({@code whsec_…}). */
    public WebhookEndpoint createEndpoint(WebhookEndpointParams params) {
        return new WebhookEndpoint(post("/webhooks", params.toMap(), Credential.ANY));
    }

    /** {@code GET /webhooks}. */
    public Page<WebhookEndpoint> listEndpoints(ListParams params) {
        return page("/webhooks", params, Credential.ANY, WebhookEndpoint::new);
    }

    public Page<WebhookEndpoint> listEndpoints() { return listEndpoints(null); }

    /** {@code GET /webhooks/{id}}. */
    public WebhookEndpoint getEndpoint(String id) {
        return new WebhookEndpoint(get("/webhooks/" + seg(id), Credential.ANY));
    }

    /** {@code PATCH /webhooks/{id}}. */
    public WebhookEndpoint updateEndpoint(String id, WebhookEndpointParams params) {
        return new WebhookEndpoint(patch("/webhooks/" + seg(id), params.toMap(), Credential.ANY));
    }

    /** {@code DELETE /webhooks/{id}}. */
    public Ack deleteEndpoint(String id) {
        return new Ack(delete("/webhooks/" + seg(id), Credential.ANY));
    }

    /** {@code POST /webhooks/{id}/rotate-secret}: a generated secret; the old one keeps signing for 24 h. */
    public WebhookSecret rotateSecret(String id) { return rotateSecret(id, null); }

    public WebhookSecret rotateSecret(String id, String secret) {
        return new WebhookSecret(post("/webhooks/" + seg(id) + "/rotate-secret", body("secret", secret), Credential.ANY));
    }

    /** {@code GET /webhooks/{id}/secret}. */
    public WebhookSecret getSecret(String id) {
        return new WebhookSecret(get("/webhooks/" + seg(id) + "/secret", Credential.ANY));
    }

    /** {@code POST /webhooks/{id}/test}: sends a {@code webhook.test} event now and answers the delivery. */
    public WebhookDelivery testEndpoint(String id) {
        return new WebhookDelivery(post("/webhooks/" + seg(id) + "/test", null, Credential.ANY));
    }

    /** {@code GET /webhooks/{id}/deliveries} ({@code status} filter via {@link ListParams#status}). */
    public Page<WebhookDelivery> listDeliveries(String id, ListParams params) {
        return page("/webhooks/" + seg(id) + "/deliveries", params, Credential.ANY, WebhookDelivery::new);
    }

    /** {@code GET /webhooks/{id}/deliveries/{deliveryId}}. */
    public WebhookDelivery getDelivery(String id, String deliveryId) {
        return new WebhookDelivery(get("/webhooks/" + seg(id) + "/deliveries/" + seg(deliveryId), Credential.ANY));
    }

    /** {@code POST /webhooks/{id}/deliveries/{deliveryId}/redeliver}: the same {@code webhook-id}, so receivers deduplicate. */
    public WebhookDelivery redeliver(String id, String deliveryId) {
        return new WebhookDelivery(post("/webhooks/" + seg(id) + "/deliveries/" + seg(deliveryId) + "/redeliver", null, Credential.ANY));
    }

    /** {@code GET /webhooks/events}: the event catalogue. */
    public List<WebhookEventType> listEventTypes() {
        return items(get("/webhooks/events", Credential.ANY), WebhookEventType::new);
    }

    /** {@link WebhookVerifier#verify(byte[], Map, String)}: checks a received delivery and parses it. */
    public WebhookEvent verify(byte[] payload, Map<String, List<String>> headers, String secret) {
        return WebhookVerifier.verify(payload, headers, secret);
    }

    /** {@link WebhookVerifier#validateSignature(byte[], String, String, String)} for {@code X-Janua-Signature}. */
    public boolean validateSignature(byte[] payload, String signature, String secret, String timestamp) {
        return WebhookVerifier.validateSignature(payload, signature, secret, timestamp);
    }
}
