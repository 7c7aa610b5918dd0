package dev.janua.server.devices.domain;

/**
 * What a push service answered, sorted into what Janua does next: nothing (delivered), remove the
 * device's token (the service says it will never accept it again), try later, or give up.
 */
public sealed interface PushOutcome {
    record Delivered(String providerMessageId) implements PushOutcome {}

    /** FCM {@code UNREGISTERED}, APNs 410 or {@code BadDeviceToken}, Web Push 404/410. */
    record TokenInvalid(String reason) implements PushOutcome {}

    /** Rate limits, 5xx, timeouts, an expired provider credential: the outbox retries with backoff. */
    record Retry(String reason) implements PushOutcome {}

    /** The message itself is refused (too large, malformed): retrying cannot help. */
    record Rejected(String reason) implements PushOutcome {}
}
