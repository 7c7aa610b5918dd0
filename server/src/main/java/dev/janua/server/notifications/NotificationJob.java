package dev.janua.server.notifications;

import java.time.Instant;
import java.util.Map;

/**
 * Runs the outbox jobs of one {@link #kind()} (see {@link NotificationJobs}). The worker calls
 * {@link #run} inside its own transaction, which also marks the job done: messages the job writes
 * with {@link Mailer} commit with it, or not at all. A job that throws is retried with the outbox's
 * backoff, so it must be safe to run again.
 */
public interface NotificationJob {
    String kind();

    /** {@code requestedAt} is when the job was queued (a job may run late after an outage). */
    void run(Map<String, String> payload, Instant requestedAt);
}
