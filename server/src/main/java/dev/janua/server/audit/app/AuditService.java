package dev.janua.server.audit.app;

import dev.janua.server.audit.AuditEntry;
import dev.janua.server.audit.AuditTrail;
import dev.janua.server.audit.ChainVerification;
import dev.janua.server.audit.domain.AuditHasher;
import dev.janua.server.audit.domain.AuditHasher.Fields;
import dev.janua.server.audit.persistence.JdbcAuditRepository;
import dev.janua.server.audit.persistence.JdbcAuditRepository.Filter;
import dev.janua.server.audit.persistence.JdbcAuditRepository.Row;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Reads of the audit log: search with per-entry verification, export, whole-chain verification. */
@Service
public class AuditService implements AuditTrail {
    private final JdbcAuditRepository repo;
    private final AuditAppender appender;
    private final AuditChainVerifier verifier;
    private final JsonMapper json;

    public AuditService(JdbcAuditRepository repo, AuditAppender appender, DataSource dataSource, AuditProperties properties,
                        JsonMapper json) {
        this.repo = repo;
        this.appender = appender;
        this.verifier = new AuditChainVerifier(dataSource, properties.verifyThreads());
        this.json = json;
    }

    /** Newest first. The log is first brought up to date, so a caller reads its own actions. */
    public Page<AuditEntry> search(Filter filter, PageRequest page) {
        appender.catchUp();
        Long before = null;
        if (page.after() != null) {
            try {
                before = Long.parseLong(page.after());
            } catch (NumberFormatException e) {
                throw new JanuaException(ErrorCode.INVALID_REQUEST, Map.of("parameter", "cursor", "reason", "malformed"));
            }
        }
        List<Row> rows = repo.search(filter, before, page.offset(), page.fetchSize());
        long total = repo.count(filter);
        Map<Long, String> previous = previousHashes(rows);
        AuditHasher hasher = new AuditHasher();
        List<AuditEntry> entries = rows.stream().map(r -> entry(r, previous.get(r.fields().position() - 1), hasher)).toList();
        return Page.fromRows(entries, page, e -> Long.toString(e.position()), total);
    }

    /** The record at one chain position, checked against its predecessor (the console's entry page). */
    public Optional<AuditEntry> at(long position) {
        if (position < 1) return Optional.empty();
        appender.catchUp();
        List<Row> rows = repo.search(new Filter(null, null, null, null, null), position + 1, 0, 1);
        if (rows.isEmpty() || rows.getFirst().fields().position() != position) return Optional.empty();
        return Optional.of(entry(rows.getFirst(), previousHashes(rows).get(position - 1), new AuditHasher()));
    }

    /** Oldest first, each entry verified against its predecessor (looked up when the filter skipped it). */
    public void export(Filter filter, Consumer<AuditEntry> sink) {
        appender.catchUp();
        AuditHasher hasher = new AuditHasher();
        long[] lastPosition = {-1};
        String[] lastHash = {null};
        repo.stream(filter, r -> {
            long p = r.fields().position();
            String prev = p == 1 ? AuditHasher.GENESIS_HEX
                    : lastPosition[0] == p - 1 ? lastHash[0] : repo.hashesAt(List.of(p - 1)).get(p - 1);
            sink.accept(entry(r, prev, hasher));
            lastPosition[0] = p;
            lastHash[0] = r.hash();
        });
    }

    @Override
    public ChainVerification verify() {
        appender.catchUp();
        return verifier.verify();
    }

    @Override
    public long backlog() {
        return appender.backlog();
    }

    private Map<Long, String> previousHashes(List<Row> rows) {
        Map<Long, String> known = new HashMap<>();
        for (Row r : rows) known.put(r.fields().position(), r.hash());
        Set<Long> missing = new HashSet<>();
        for (Row r : rows) {
            long p = r.fields().position() - 1;
            if (p >= 1 && !known.containsKey(p)) missing.add(p);
        }
        known.putAll(repo.hashesAt(missing));
        known.put(0L, AuditHasher.GENESIS_HEX);
        return known;
    }

    private AuditEntry entry(Row r, String previousHash, AuditHasher hasher) {
        Fields f = r.fields();
        byte[] prev = new byte[32];
        boolean verified = previousHash != null && AuditHasher.decodeHex(previousHash, prev)
                && hasher.hashHex(prev, f).equals(r.hash());
        return new AuditEntry(f.id(), f.position(), f.eventId(), f.eventType(), Instant.ofEpochMilli(f.occurredMs()), f.userId(),
                f.actorId(), f.subjectId(), f.organizationId(), f.ipAddress(), f.userAgent(), f.requestId(), details(f.details()),
                f.riskScore() == null ? null : new AuditEntry.Risk(f.riskScore()), r.hash(), previousHash, verified);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> details(String s) {
        try {
            Object v = json.readValue(s, Object.class);
            return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("value", v);
        } catch (RuntimeException e) {
            return Map.of("raw", s);
        }
    }
}
