package dev.janua.server.audit.persistence;

import dev.janua.server.audit.domain.AuditHasher.Fields;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the audit log. */
@Repository
public class JdbcAuditRepository {
    static final String COLUMNS = "position, id, event_seq, event_id, event_type, user_id, actor_id, subject_id, organization_id, "
            + "ip_address, user_agent, request_id, details, risk_score, occurred_ms, hash";
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public JdbcAuditRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public record Head(long lastPosition, String lastHash) {}

    public record Row(Fields fields, String hash) {}

    /**
     * Filters of the audit queries; null means "any". Times are epoch milliseconds, end exclusive.
     * {@code userId} matches records about or by a user; {@code actorId} only who acted, {@code
     * subjectId} only what was acted on (the target: a user, key, role, connection…).
     */
    public record Filter(String eventType, String userId, String organizationId, Long fromMs, Long toMs, String actorId,
                        String subjectId) {
        public Filter(String eventType, String userId, String organizationId, Long fromMs, Long toMs) {
            this(eventType, userId, organizationId, fromMs, toMs, null, null);
        }

        /** The same filter held to one organization (an organization admin's view). */
        public Filter inOrganization(String organizationId) {
            return new Filter(eventType, userId, organizationId, fromMs, toMs, actorId, subjectId);
        }
    }

    public Head head() {
        return jdbc.sql("SELECT last_position, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    public void updateHead(long position, String hash) {
        jdbc.sql("UPDATE audit_chain_head SET last_position = :p, last_hash = :h WHERE id = 1")
                .param("p", position).param("h", hash).update();
    }

    public void insert(List<Row> rows) {
        template.batchUpdate("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows, 500,
                (ps, r) -> {
                    Fields f = r.fields();
                    ps.setLong(1, f.position());
                    ps.setString(2, f.id());
                    ps.setLong(3, f.eventSeq());
                    ps.setString(4, f.eventId());
                    ps.setString(5, f.eventType());
                    ps.setString(6, f.userId());
                    ps.setString(7, f.actorId());
                    ps.setString(8, f.subjectId());
                    ps.setString(9, f.organizationId());
                    ps.setString(10, f.ipAddress());
                    ps.setString(11, f.userAgent());
                    ps.setString(12, f.requestId());
                    ps.setString(13, f.details());
                    if (f.riskScore() == null) ps.setNull(14, Types.INTEGER); else ps.setInt(14, f.riskScore());
                    ps.setLong(15, f.occurredMs());
                    ps.setString(16, r.hash());
                });
    }

    public long count(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM audit_log WHERE 1 = 1");
        Map<String, Object> params = where(f, sql);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /** Newest first; {@code beforePosition} is the cursor (exclusive), {@code offset} for page numbers. */
    public List<Row> search(Filter f, Long beforePosition, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        Map<String, Object> params = where(f, sql);
        if (beforePosition != null) {
            sql.append(" AND position < :before");
            params.put("before", beforePosition);
        }
        sql.append(" ORDER BY position DESC LIMIT :limit OFFSET :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(JdbcAuditRepository::map).list();
    }

    /** Oldest first, streamed row by row (exports). */
    public void stream(Filter f, Consumer<Row> sink) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        Map<String, Object> params = where(f, sql);
        sql.append(" ORDER BY position");
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(template);
        named.query(sql.toString(), params, (RowCallbackHandler) rs -> sink.accept(map(rs, 0)));
    }

    public Map<Long, String> hashesAt(Collection<Long> positions) {
        Map<Long, String> out = new LinkedHashMap<>();
        if (positions.isEmpty()) return out;
        jdbc.sql("SELECT position, hash FROM audit_log WHERE position IN (:p)").param("p", new ArrayList<>(positions))
                .query((RowCallbackHandler) rs -> out.put(rs.getLong(1), rs.getString(2)));
        return out;
    }

    private static Map<String, Object> where(Filter f, StringBuilder sql) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.eventType() != null) {
            sql.append(" AND event_type = :type");
            params.put("type", f.eventType());
        }
        if (f.userId() != null) {
            sql.append(" AND (user_id = :user OR actor_id = :user)");
            params.put("user", f.userId());
        }
        if (f.actorId() != null) {
            sql.append(" AND actor_id = :actor");
            params.put("actor", f.actorId());
        }
        if (f.subjectId() != null) {
            sql.append(" AND subject_id = :subject");
            params.put("subject", f.subjectId());
        }
        if (f.organizationId() != null) {
            sql.append(" AND organization_id = :org");
            params.put("org", f.organizationId());
        }
        if (f.fromMs() != null) {
            sql.append(" AND occurred_ms >= :from");
            params.put("from", f.fromMs());
        }
        if (f.toMs() != null) {
            sql.append(" AND occurred_ms < :to");
            params.put("to", f.toMs());
        }
        return params;
    }

    static Row map(ResultSet rs, int i) throws SQLException {
        int risk = rs.getInt("risk_score");
        Integer riskScore = rs.wasNull() ? null : risk;
        return new Row(new Fields(rs.getLong("position"), rs.getString("id"), rs.getLong("event_seq"), rs.getString("event_id"),
                rs.getString("event_type"), rs.getString("user_id"), rs.getString("actor_id"), rs.getString("subject_id"),
                rs.getString("organization_id"), rs.getString("ip_address"), rs.getString("user_agent"),
                rs.getString("request_id"), rs.getString("details"), riskScore, rs.getLong("occurred_ms")),
                rs.getString("hash"));
    }
}
