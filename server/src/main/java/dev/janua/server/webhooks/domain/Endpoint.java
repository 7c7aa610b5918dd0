package dev.janua.server.webhooks.domain;

import dev.janua.server.platform.events.EventCatalogue;
import java.time.Instant;
import java.util.List;

/** A subscribed endpoint; secrets are kept sealed (AES-GCM) and opened only to sign. */
public record Endpoint(String id, String url, String description, List<String> events, String organizationId,
                       String secretSealed, String previousSecretSealed, Instant previousSecretUntil, boolean active,
                       String disabledReason, long startsAfterSeq, String createdBy, Instant createdAt, Instant updatedAt) {

    /** Whether this endpoint receives an event: active, subscribed, in scope, and newer than the endpoint. */
    public boolean wants(long seq, String type, String eventOrganizationId) {
        if (!active || seq <= startsAfterSeq) return false;
        if (organizationId != null && !organizationId.equals(eventOrganizationId)) return false;
        for (String pattern : events) {
            if (EventCatalogue.matches(pattern, type)) return true;
        }
        return false;
    }
}
