package dev.janua.server.realtime.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * This node's cursor in the event feed. Sockets only want what happens while they are connected,
 * so a node's consumer starts at the end of the feed (not at seq 1, where the feed would register
 * it) and is removed when the node stops.
 */
@Repository
public class JdbcRealtimeCursor {
    private final JdbcClient jdbc;

    public JdbcRealtimeCursor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void startAtEnd(String consumer, Instant now) {
        jdbc.sql("""
                INSERT INTO event_consumers (name, next_seq, updated_at)
                SELECT :c, COALESCE(MAX(seq), 0) + 1, :now FROM domain_events""")
                .param("c", consumer).param("now", Sql.ts(now)).update();
    }

    public void remove(String consumer) {
        jdbc.sql("DELETE FROM event_consumer_gaps WHERE consumer = :c").param("c", consumer).update();
        jdbc.sql("DELETE FROM event_consumers WHERE name = :c").param("c", consumer).update();
    }
}
