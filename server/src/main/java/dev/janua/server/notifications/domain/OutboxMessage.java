package dev.janua.server.notifications.domain;

import java.time.Instant;

/**
 * One email, text message or push notification (or one job, channel {@code job}) in the outbox. {@code bodySealed} holds the subject and body sealed
 * under the master key (they carry one-time tokens) and is null once the message was sent.
 */
public record OutboxMessage(String id, String channel, String template, String recipient, String bodySealed, String status,
                            int attempts, Instant nextAttemptAt, String lastError, String requestId, Instant createdAt,
                            Instant updatedAt, Instant sentAt) {

    public static final String EMAIL = "email";
    public static final String SMS = "sms";
    /** A push notification to one device; the recipient is the device's id ({@code dev_…}). */
    public static final String PUSH = "push";
    /** Work for the worker rather than a message to send ({@link dev.janua.server.notifications.NotificationJobs}). */
    public static final String JOB = "job";

    /** Waiting for its first or next attempt. */
    public static final String PENDING = "pending";
    /** Claimed by a process (under a lease) and being sent now. */
    public static final String SENDING = "sending";
    /** Accepted by the SMTP server or SMS gateway; the body is wiped. */
    public static final String SENT = "sent";
    /** Gave up after the last attempt; an admin may redeliver it. */
    public static final String DEAD = "dead";
    /**
     * Recorded, never sent, no body. Written by forgot-password for unknown emails before it became
     * a job; no longer written, kept so older rows still read (and are purged).
     */
    public static final String WITHHELD = "withheld";

    public static String sealingContext(String id) {
        return "notification:" + id;
    }
}
