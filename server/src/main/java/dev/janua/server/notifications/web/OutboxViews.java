package dev.janua.server.notifications.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.notifications.domain.OutboxMessage;
import dev.janua.server.platform.pagination.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Response bodies of the outbox admin API: never a subject or body (they carry one-time tokens). */
final class OutboxViews {
    private OutboxViews() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageView(String id, String channel, String template, String recipient, String status, int attempts,
                       Instant nextAttemptAt, String lastError, String requestId, Instant createdAt, Instant updatedAt,
                       Instant sentAt) {
        static MessageView of(OutboxMessage m) {
            boolean waiting = OutboxMessage.PENDING.equals(m.status()) || OutboxMessage.SENDING.equals(m.status());
            return new MessageView(m.id(), m.channel(), m.template(), m.recipient(), m.status(), m.attempts(),
                    waiting ? m.nextAttemptAt() : null, m.lastError(), m.requestId(), m.createdAt(), m.updatedAt(), m.sentAt());
        }
    }

    /** Counts by status, the attempt limit, and one page of messages. */
    record OutboxView(Map<String, Long> counts, int maxAttempts, List<MessageView> data, Page.Pagination pagination) {}
}
