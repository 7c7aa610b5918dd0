package dev.janua.server.platform.events;

import java.util.Map;
import java.util.Objects;

/**
 * A state change, named in dotted past tense ({@code user.created}), written in the same
 * transaction as the change itself; audit, webhooks and real-time fan-out read it from there.
 */
public record DomainEvent(String type, String subjectId, String actorId, String organizationId, Map<String, Object> data) {
    public DomainEvent {
        Objects.requireNonNull(type, "type");
        data = data == null ? Map.of() : data;
    }

    public static DomainEvent of(String type, String subjectId, String actorId, Map<String, Object> data) {
        return new DomainEvent(type, subjectId, actorId, null, data);
    }
}
