package dev.janua.server.platform.events;

import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.persistence.Sql;
import dev.janua.server.platform.web.ClientInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events to {@code domain_events}. {@link Propagation#MANDATORY}: an event outside the
 * transaction of its change could be lost or recorded for a change that rolled back.
 */
@Component
class JdbcEventPublisher implements EventPublisher {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcEventPublisher.class);
    private final JdbcClient jdbc;
    private final IdGenerator ids;
    private final Clock clock;
    private final JsonMapper json;
    private final EventSignals signals;
    private final WorkNotices notices;

    private final boolean strictCatalogue;

    JdbcEventPublisher(JdbcClient jdbc, IdGenerator ids, Clock clock, JsonMapper json, EventSignals signals, WorkNotices notices,
                       @Value("${janua.events.strict-catalogue:false}") boolean strictCatalogue) {
        this.notices = notices;
        this.strictCatalogue = strictCatalogue;
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
        this.signals = signals;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(DomainEvent event, ClientInfo client) {
        ClientInfo c = client == null ? ClientInfo.none() : client;
        String type = canonicalType(event.type());
        jdbc.sql("""
                INSERT INTO domain_events (id, type, subject_id, actor_id, organization_id, data, ip_address, user_agent, request_id, occurred_at)
                VALUES (:id, :type, :subject, :actor, :org, :data, :ip, :ua, :rid, :at)""")
                .param("id", ids.next("evt"))
                .param("type", type)
                .param("subject", event.subjectId())
                .param("actor", event.actorId())
                .param("org", event.organizationId())
                .param("data", json.writeValueAsString(event.data()))
                .param("ip", c.ipAddress())
                .param("ua", c.userAgent())
                .param("rid", c.requestId())
                .param("at", Sql.ts(clock.instant()))
                .update();
        notices.announce(WorkNotices.EVENTS); // the other nodes' consumers (this node's: EventSignals after commit)
        afterCommit(type.equals(event.type()) ? event
                : new DomainEvent(type, event.subjectId(), event.actorId(), event.organizationId(), event.data()));
    }

    /**
     * Events are stored under their catalogue name, so subscribers and the audit log see one name
     * per kind of change. A type missing from {@link EventCatalogue} is a programming error: the
     * test suite runs strict and fails on it; production logs it and keeps the event.
     */
    private String canonicalType(String type) {
        java.util.Optional<String> canonical = EventCatalogue.canonical(type);
        if (canonical.isPresent()) return canonical.get();
        if (strictCatalogue) throw new IllegalStateException("event type missing from EventCatalogue: " + type);
        log.warn("event type {} is not in the EventCatalogue; webhooks cannot subscribe to it by name", type);
        return type;
    }

    /**
     * Once per transaction: the consumers (audit, webhooks) look for new events right after commit,
     * and the observers get the transaction's events (kept in a list bound to the transaction).
     */
    @SuppressWarnings("unchecked")
    private void afterCommit(DomainEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) return;
        Object bound = TransactionSynchronizationManager.getResource(signals);
        if (bound != null) {
            ((List<DomainEvent>) bound).add(event);
            return;
        }
        List<DomainEvent> published = new ArrayList<>(2);
        published.add(event);
        TransactionSynchronizationManager.bindResource(signals, published);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(signals);
                if (status == STATUS_COMMITTED) signals.committed(published);
            }
        });
    }
}
