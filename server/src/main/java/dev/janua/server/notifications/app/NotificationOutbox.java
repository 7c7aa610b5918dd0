package dev.janua.server.notifications.app;

import dev.janua.server.notifications.domain.OutboxMessage;
import dev.janua.server.notifications.persistence.JdbcNotificationOutbox;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.platform.events.WorkNotices;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.RequestIds;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a message into the outbox in the caller's transaction, so it exists exactly when the
 * change that caused it commits (a rolled-back sign-up sends nothing; a committed reset is never
 * lost to a crash or an SMTP outage). The subject and body are sealed under the master key. After
 * commit this process's dispatcher is woken, so a message normally leaves within milliseconds.
 */
@Component
class NotificationOutbox {
    private final JdbcNotificationOutbox outbox;
    private final NotificationDispatcher dispatcher;
    private final SecretBox secrets;
    private final IdGenerator ids;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final WorkNotices notices;

    NotificationOutbox(JdbcNotificationOutbox outbox, NotificationDispatcher dispatcher, SecretBox secrets, IdGenerator ids,
                       TransactionTemplate tx, JsonMapper json, Clock clock, WorkNotices notices) {
        this.notices = notices;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.secrets = secrets;
        this.ids = ids;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** Queues a message; {@code content} is what the transport needs (subject, body), sealed as JSON. */
    String enqueue(String channel, String template, String recipient, Map<String, String> content) {
        return write(channel, template, recipient, content, true);
    }

    /**
     * Queues a job ({@link dev.janua.server.notifications.NotificationJobs}): the same row, channel
     * {@code job}, no recipient in clear, and the worker is not woken — its next poll runs the job,
     * so the job's work is not tied in time to the request that asked for it.
     */
    String enqueueJob(String kind, Map<String, String> payload) {
        return write(OutboxMessage.JOB, kind, "", payload, false);
    }

    private String write(String channel, String template, String recipient, Map<String, String> content, boolean wake) {
        String id = ids.next("ntf");
        String sealed = secrets.seal(json.writeValueAsString(content), OutboxMessage.sealingContext(id));
        Instant now = clock.instant();
        OutboxMessage m = new OutboxMessage(id, channel, template, recipient, sealed, OutboxMessage.PENDING, 0, now, null, requestId(),
                now, now, null);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            outbox.insert(m);
            // every node's dispatcher hears of it at commit (of a job too: an idle one polls only now and then)
            notices.announce(wake ? WorkNotices.OUTBOX : WorkNotices.OUTBOX_JOB);
            if (wake) wakeAfterCommit();
        } else {
            // no surrounding change to join: the message is durable once this insert commits
            tx.executeWithoutResult(s -> {
                outbox.insert(m);
                notices.announce(wake ? WorkNotices.OUTBOX : WorkNotices.OUTBOX_JOB);
            });
            if (wake) dispatcher.wake();
        }
        return id;
    }

    /** Once per transaction, like the event publisher: the dispatcher looks for new messages right after commit. */
    private void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || TransactionSynchronizationManager.hasResource(this)) return;
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(NotificationOutbox.this);
                if (status == STATUS_COMMITTED) dispatcher.wake();
            }
        });
    }

    private static String requestId() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? RequestIds.current(a.getRequest()) : null;
    }
}
