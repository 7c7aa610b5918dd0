package dev.janua.server.notifications;

/**
 * What hands a queued push notification to a push service (FCM, APNs, Web Push, the development
 * recorder); the devices module provides it. Any exception is a failed attempt retried with the
 * outbox's backoff, except {@link Undeliverable}: no later attempt can succeed (the device or its
 * token is gone, the provider said the token is no longer valid), so the message is dead-lettered at once.
 */
public interface PushTransport {
    void deliver(PushMessage message) throws Exception;

    /** A permanent failure: the outbox stops retrying. */
    final class Undeliverable extends Exception {
        public Undeliverable(String reason) {
            super(reason, null, false, false);
        }
    }
}
