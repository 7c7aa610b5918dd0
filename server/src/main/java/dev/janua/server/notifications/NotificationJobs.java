package dev.janua.server.notifications;

import java.util.Map;

/**
 * Hands work to the outbox worker, to run off the request path. The job is one outbox row
 * (channel {@code job}), its payload sealed under the master key, written in the caller's
 * transaction when there is one. Unlike a message it does not wake the worker: the worker's next
 * poll picks it up, so what the job does (and whether it does anything) does not follow the
 * request in time. A {@link NotificationJob} with the same {@code kind} runs it. See docs/notifications.md.
 */
public interface NotificationJobs {
    /** Queues a job; every payload of one kind should have the same keys, so rows look alike. */
    void enqueue(String kind, Map<String, String> payload);
}
