package dev.janua.server.webhooks.domain;

import java.time.Instant;

/** One message to one endpoint; {@code id} is the webhook-id, the same on every attempt. */
public record Delivery(String id, String endpointId, Long eventSeq, String eventId, String eventType, String payload,
                       String status, int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                       Instant createdAt, Instant updatedAt, Instant completedAt) {

    public static final String PENDING = "pending";
    public static final String DELIVERING = "delivering";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public record Attempt(int attempt, Instant attemptedAt, int durationMs, Integer statusCode, String error,
                          String responseExcerpt) {}
}
