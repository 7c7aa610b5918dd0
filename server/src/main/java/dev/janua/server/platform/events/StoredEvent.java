package dev.janua.server.platform.events;

import java.time.Instant;

/** A row of {@code domain_events} as consumers read it; {@code data} is the event's JSON object. */
public record StoredEvent(long seq, String id, String type, String subjectId, String actorId, String organizationId,
                          String data, String ipAddress, String userAgent, String requestId, Instant occurredAt) {}
