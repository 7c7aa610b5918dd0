package dev.janua.server.notifications.app;

import dev.janua.server.metrics.DomainMetrics;
import dev.janua.server.notifications.EmailMessage;
import dev.janua.server.notifications.NotificationJob;
import dev.janua.server.notifications.PushMessage;
import dev.janua.server.notifications.PushTransport;
import dev.janua.server.notifications.SmsMessage;
import dev.janua.server.notifications.SmsProvider;
import dev.janua.server.notifications.domain.Backoff;
import dev.janua.server.notifications.domain.OutboxMessage;
import dev.janua.server.notifications.persistence.JdbcNotificationOutbox;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.platform.events.BackgroundService;
import dev.janua.server.platform.events.BackgroundWorker;
import dev.janua.server.platform.events.ClaimedSenders;
import dev.janua.server.platform.events.WorkNotices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due outbox messages, in the shape of the webhook dispatcher: each pass claims a batch
 * ({@code FOR UPDATE SKIP LOCKED}, marked {@code sending} with a lease and a claim token,
 * committed), sends them in parallel on virtual threads and records each outcome under its claim
 * token. Several processes share the outbox without sending a message twice at once; a process
 * that dies mid-send leaves its claims to expire, and another sends them after the lease.
 * Jobs (channel {@code job}) are claimed the same way and run by their {@link NotificationJob}
 * in a transaction that also marks them done under the claim token.
 */
@Component
class NotificationDispatcher extends BackgroundService {
    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private final JdbcNotificationOutbox outbox;
    private final EmailTransport email;
    private final SmsProvider sms;
    private final SecretBox secrets;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final NotificationProperties properties;
    private final Backoff backoff;
    // looked up when a job runs: the jobs write messages, so they depend (through the mailer) on this dispatcher
    private final ObjectProvider<NotificationJob> jobs;
    // the devices module's transport; looked up per message for the same reason as the jobs
    private final ObjectProvider<PushTransport> push;
    private final ClaimedSenders senders;
    private final DomainMetrics metrics;
    private volatile Instant nextPurge = Instant.MIN;
    /**
     * When the earliest unfinished item falls due, as of the last claim (null: none): an idle worker
     * sleeps until then, a retry falling due announces nothing. Until the first pass: at once.
     */
    private volatile Instant nextDue = Instant.EPOCH;

    NotificationDispatcher(JdbcNotificationOutbox outbox, EmailTransport email, SmsProvider sms, SecretBox secrets,
                           TransactionTemplate tx, JsonMapper json, Clock clock, NotificationProperties properties,
                           ObjectProvider<NotificationJob> jobs, ObjectProvider<PushTransport> push, DomainMetrics metrics,
                           WorkNotices notices) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.email = email;
        this.sms = sms;
        this.secrets = secrets;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.jobs = jobs;
        this.push = push;
        this.backoff = new Backoff(properties.retryInitial(), properties.retryMax(), properties.maxAttempts(), properties.jitter(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.senders = new ClaimedSenders(properties.concurrency());
        runs(new BackgroundWorker("notification-dispatcher",
                () -> notices.idleUntil(nextDue, clock.instant(), properties.pollInterval()), this::pass));
        notices.onNotice(WorkNotices.OUTBOX, this::wake);
        notices.onNotice(WorkNotices.OUTBOX_JOB, this::wakeAsAPollWould);
    }

    /**
     * A job is not run at once (its request must not be followed in time by its work): a pass comes at
     * a random moment within the poll interval, as the next poll of a worker that polled would.
     */
    private void wakeAsAPollWould() {
        long delayMs = ThreadLocalRandom.current().nextLong(Math.max(1, properties.pollInterval().toMillis()));
        Thread.ofVirtual().name("janua-notification-job-wake").start(() -> {
            try {
                Thread.sleep(delayMs);
                wake();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    int maxAttempts() {
        return backoff.maxAttempts();
    }

    /** One pass: claims as many due messages as there are free slots; true when every slot found work. */
    boolean pass() {
        purgeNowAndThen();
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        return senders.runClaimed(free -> tx.execute(s -> {
                    List<OutboxMessage> claimed = outbox.claim(now, now.plus(properties.lease()), token, free);
                    nextDue = outbox.nextDue().orElse(null);
                    return claimed;
                }),
                m -> attemptSafely(m, token), this::wake);
    }

    @Override
    public void stop() {
        super.stop();
        senders.stop(Duration.ofSeconds(15));
    }

    private void attemptSafely(OutboxMessage m, String token) {
        try {
            attempt(m, token);
        } catch (RuntimeException e) {
            // the claim stays until its lease ends; the message is then taken again
            log.warn("notification {} attempt failed to complete: {}", m.id(), e.toString());
        }
    }

    /** Makes the attempt a claimed message is due; {@code m.attempts()} already counts it. */
    private void attempt(OutboxMessage m, String token) {
        JsonNode content;
        try {
            if (m.bodySealed() == null) throw new IllegalStateException("no body");
            content = json.readTree(secrets.open(m.bodySealed(), OutboxMessage.sealingContext(m.id())));
        } catch (RuntimeException e) {
            // no later attempt can do better (wrong master key, tampered row): dead at once
            fail(m, token, "cannot open the message: " + e.getMessage(), false);
            return;
        }
        if (OutboxMessage.JOB.equals(m.channel())) {
            runJob(m, token, content);
            return;
        }
        try {
            if (OutboxMessage.SMS.equals(m.channel())) {
                sms.deliver(new SmsMessage(m.recipient(), content.path("body").asString(), m.createdAt()));
            } else if (OutboxMessage.PUSH.equals(m.channel())) {
                deliverPush(m, content);
            } else {
                email.deliver(m.id(), new EmailMessage(m.recipient(), content.path("subject").asString(), content.path("body").asString(),
                        m.template(), m.createdAt()));
            }
        } catch (PushTransport.Undeliverable e) {
            fail(m, token, "undeliverable: " + e.getMessage(), false);
            return;
        } catch (Exception e) {
            fail(m, token, describe(e), true);
            return;
        }
        if (!outbox.markSent(m.id(), token, clock.instant())) {
            log.warn("notification {} was sent after its lease ran out; another process may send it again", m.id());
        }
        metrics.notificationAttempt(m.channel(), "sent", m.createdAt(), clock.instant());
    }

    private void deliverPush(OutboxMessage m, JsonNode content) throws Exception {
        PushTransport transport = push.getIfAvailable();
        if (transport == null) throw new PushTransport.Undeliverable("no push transport in this server");
        Map<String, String> data = new LinkedHashMap<>();
        json.readTree(content.path("data").asString("{}")).properties().forEach(e -> data.put(e.getKey(), e.getValue().asString()));
        transport.deliver(new PushMessage(m.id(), m.recipient(), content.path("title").asString(), content.path("body").asString(), data,
                m.createdAt()));
    }

    /** The job's work and its completion commit together, and only while this claim still holds the job. */
    private void runJob(OutboxMessage m, String token, JsonNode content) {
        NotificationJob job = jobs.stream().filter(j -> j.kind().equals(m.template())).findFirst().orElse(null);
        if (job == null) {
            fail(m, token, "no job handler for " + m.template(), false);
            return;
        }
        Map<String, String> payload = new LinkedHashMap<>();
        content.properties().forEach(e -> payload.put(e.getKey(), e.getValue().asString()));
        try {
            tx.executeWithoutResult(s -> {
                job.run(payload, m.createdAt());
                if (!outbox.markSent(m.id(), token, clock.instant())) throw new LostClaim();
            });
            metrics.notificationAttempt(m.channel(), "sent", m.createdAt(), clock.instant());
        } catch (LostClaim e) {
            log.warn("job {} ran after its lease ran out; rolled back, another process runs it", m.id());
        } catch (RuntimeException e) {
            fail(m, token, describe(e), true);
        }
    }

    private static final class LostClaim extends RuntimeException {
        LostClaim() {
            super(null, null, false, false);
        }
    }

    private void fail(OutboxMessage m, String token, String error, boolean retry) {
        Instant now = clock.instant();
        Optional<Duration> next = retry ? backoff.next(m.attempts()) : Optional.empty();
        boolean mine = outbox.markFailed(m.id(), token, truncate(error), next.map(now::plus).orElse(null), now);
        if (!mine) return;
        metrics.notificationAttempt(m.channel(), next.isPresent() ? "retry" : "dead", m.createdAt(), now);
        if (next.isPresent()) {
            log.warn("{} {} to {} failed (attempt {} of {}), next in {}: {}", m.channel(), m.id(), mask(m), m.attempts(),
                    backoff.maxAttempts(), next.get(), error);
        } else {
            log.error("{} {} to {} dead-lettered after {} attempt(s): {}", m.channel(), m.id(), mask(m), m.attempts(), error);
        }
    }

    private void purgeNowAndThen() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) return;
        nextPurge = now.plus(PURGE_EVERY);
        int n = outbox.purge(now.minus(properties.retention()));
        if (n > 0) log.debug("purged {} sent or withheld notifications", n);
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
            message = (message == null ? "" : message + ": ") + cause.getMessage();
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    static String mask(OutboxMessage m) {
        String to = m.recipient();
        if (OutboxMessage.JOB.equals(m.channel())) return "(job " + m.template() + ")";
        if (OutboxMessage.SMS.equals(m.channel())) return to.length() < 4 ? "****" : "****" + to.substring(to.length() - 4);
        return to;
    }
}
