package dev.janua.server.webhooks.app;

import dev.janua.server.metrics.DomainMetrics;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.platform.events.BackgroundService;
import dev.janua.server.platform.events.BackgroundWorker;
import dev.janua.server.platform.events.ClaimedSenders;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.events.WorkNotices;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.ratelimit.RateLimitCategory;
import dev.janua.server.ratelimit.RateLimits;
import dev.janua.server.webhooks.WebhookProperties;
import dev.janua.server.webhooks.domain.Delivery;
import dev.janua.server.webhooks.domain.Endpoint;
import dev.janua.server.webhooks.domain.RetrySchedule;
import dev.janua.server.webhooks.domain.TargetPolicy;
import dev.janua.server.webhooks.persistence.JdbcWebhookDeliveries;
import dev.janua.server.webhooks.persistence.JdbcWebhookEndpoints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries. Each pass claims a batch ({@code FOR UPDATE SKIP LOCKED}, then marked
 * {@code delivering} with a lease, committed), sends them in parallel on virtual threads, and
 * records every attempt. A process that dies mid-send leaves its claims to expire; another
 * process then sends them again with the same webhook-id, so receivers can deduplicate.
 */
@Component
public class WebhookDispatcher extends BackgroundService {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private final JdbcWebhookDeliveries deliveries;
    private final JdbcWebhookEndpoints endpoints;
    private final WebhookSender sender;
    private final SecretBox secrets;
    private final EventPublisher events;
    private final RateLimits rateLimits;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WebhookProperties properties;
    private final RetrySchedule schedule;
    private final TargetPolicy targets;
    private final DeadLetterNotifier deadLetters;
    private final ClaimedSenders senders;
    /**
     * When the earliest unfinished item falls due, as of the last claim (null: none): an idle worker
     * sleeps until then, a retry falling due announces nothing. Until the first pass: at once.
     */
    private volatile Instant nextDue = Instant.EPOCH;
    private final DomainMetrics metrics;

    public WebhookDispatcher(JdbcWebhookDeliveries deliveries, JdbcWebhookEndpoints endpoints, @Lazy WebhookSender sender,
                             SecretBox secrets, EventPublisher events, RateLimits rateLimits, TransactionTemplate tx, Clock clock,
                             WebhookProperties properties, DeadLetterNotifier deadLetters, DomainMetrics metrics,
                             WorkNotices notices) {
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.secrets = secrets;
        this.events = events;
        this.rateLimits = rateLimits;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.deadLetters = deadLetters;
        this.senders = new ClaimedSenders(properties.concurrency());
        this.schedule = new RetrySchedule(properties.retrySchedule(), properties.jitter(), () -> ThreadLocalRandom.current().nextDouble());
        this.targets = new TargetPolicy(properties.allowPrivateTargets());
        // new deliveries are made by this node's fanout, which wakes it; other nodes need not hear of them
        runs(new BackgroundWorker("webhook-dispatcher",
                () -> notices.idleUntil(nextDue, clock.instant(), properties.pollInterval()), this::pass));
    }

    /**
     * One pass: claims as many due deliveries as there are free sending slots and starts them;
     * a finished send frees its slot and asks for another pass, so one slow endpoint never holds
     * up the others. True when every free slot found work (more may be due).
     */
    boolean pass() {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        return senders.runClaimed(free -> tx.execute(s -> {
                    List<Delivery> claimed = deliveries.claim(now, now.plus(properties.lease()), token, free);
                    nextDue = deliveries.nextDue().orElse(null);
                    return claimed;
                }),
                d -> attemptSafely(d, token), this::wake);
    }

    @Override
    public void stop() {
        super.stop();
        senders.stop(properties.timeout().plusSeconds(1));
    }

    private void attemptSafely(Delivery d, String token) {
        try {
            attempt(d, token);
        } catch (RuntimeException e) {
            // the claim stays until its lease ends; the delivery is then taken again
            log.warn("webhook delivery {} attempt failed to complete: {}", d.id(), e.toString());
        }
    }

    /** Makes the attempt a claimed delivery is due; {@code d.attempts()} already counts it. */
    public Delivery attempt(Delivery d, String token) {
        Instant now = clock.instant();
        Optional<Endpoint> found = endpoints.find(d.endpointId());
        if (found.isEmpty() || !found.get().active()) {
            deliveries.postpone(d.id(), token, now, now); // paused with its endpoint
            return d;
        }
        Endpoint ep = found.get();
        RateLimits.Decision quota = rateLimits.tryConsume(RateLimitCategory.WEBHOOK_DELIVERY, ep.id());
        if (!quota.allowed()) {
            deliveries.postpone(d.id(), token, now.plusSeconds(quota.retryAfterSeconds()), now);
            return d;
        }
        // the DNS part of the target check happens in the sender's resolver, for the address it connects to
        WebhookSender.Result result = targets.refuseUrl(ep.url())
                .map(reason -> new WebhookSender.Result(null, "target refused: " + reason, null, null, 0))
                .orElseGet(() -> sender.send(ep.url(), d.id(), d.eventType(), d.payload(), signingSecrets(ep, now),
                        now.getEpochSecond()));
        record(d, token, ep, result, now);
        metrics.webhookAttempt(result.succeeded(), result.durationMs(), d.createdAt(), clock.instant());
        return d;
    }

    private List<String> signingSecrets(Endpoint ep, Instant now) {
        List<String> out = new ArrayList<>(2);
        out.add(secrets.open(ep.secretSealed(), "webhook:" + ep.id()));
        if (ep.previousSecretSealed() != null && ep.previousSecretUntil() != null && ep.previousSecretUntil().isAfter(now)) {
            out.add(secrets.open(ep.previousSecretSealed(), "webhook:" + ep.id()));
        }
        return out;
    }

    private void record(Delivery d, String token, Endpoint ep, WebhookSender.Result r, Instant now) {
        boolean test = d.eventSeq() == null;
        tx.executeWithoutResult(s -> {
            deliveries.recordAttempt(d.id(), new Delivery.Attempt(d.attempts(), now, r.durationMs(), r.statusCode(),
                    r.error(), r.excerpt()));
            if (r.succeeded()) {
                deliveries.finish(d.id(), token, Delivery.SUCCEEDED, now, r.statusCode(), null, now, true);
                return;
            }
            String error = r.error() != null ? r.error() : "HTTP " + r.statusCode();
            if (r.statusCode() != null && r.statusCode() == 410) {
                deliveries.finish(d.id(), token, Delivery.FAILED, now, r.statusCode(), "endpoint gone (410): disabled", now, true);
                if (endpoints.disable(ep.id(), "gone", now)) {
                    events.publish(new DomainEvent("webhook.disabled", ep.id(), null, ep.organizationId(),
                            Map.of("webhookId", ep.id(), "url", ep.url(), "reason", "gone", "deliveryId", d.id())), ClientInfo.none());
                }
                return;
            }
            Optional<Duration> next = test ? Optional.empty() : schedule.next(d.attempts(), r.retryAfter());
            if (next.isPresent()) {
                deliveries.finish(d.id(), token, Delivery.PENDING, now.plus(next.get()), r.statusCode(), error, now, false);
                return;
            }
            boolean mine = deliveries.finish(d.id(), token, Delivery.FAILED, now, r.statusCode(), error, now, true);
            if (mine && !test) {
                events.publish(new DomainEvent("webhook.delivery_failed", ep.id(), null, ep.organizationId(),
                        Map.of("webhookId", ep.id(), "deliveryId", d.id(), "eventId", d.eventId(), "eventType", d.eventType(),
                                "attempts", d.attempts(), "lastError", error)), ClientInfo.none());
                deadLetters.notify(ep, d, error);
            }
        });
    }
}
