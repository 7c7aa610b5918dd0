package dev.janua.server.hosted.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of browser cookies: the SHA-256 of the cookie secret → the Janua session it names. */
@Repository
public class JdbcBrowserSessionStore {
    private final JdbcClient jdbc;

    public JdbcBrowserSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String sessionId, String userId, Instant authTime, List<String> amr) {}

    public void insert(String secretHash, String sessionId, String userId, Instant authTime, List<String> amr, Instant now) {
        jdbc.sql("""
                INSERT INTO browser_sessions (secret_hash, session_id, user_id, auth_time, amr, created_at)
                VALUES (:h, :s, :u, :t, :amr, :now)""")
                .param("h", secretHash).param("s", sessionId).param("u", userId).param("t", Sql.ts(authTime))
                .param("amr", String.join(" ", amr)).param("now", Sql.ts(now)).update();
    }

    public Optional<Row> find(String secretHash) {
        return jdbc.sql("SELECT session_id, user_id, auth_time, amr FROM browser_sessions WHERE secret_hash = :h")
                .param("h", secretHash)
                .query((rs, n) -> new Row(rs.getString("session_id"), rs.getString("user_id"), Sql.instant(rs, "auth_time"),
                        Arrays.asList(rs.getString("amr").split(" "))))
                .optional();
    }

    public void delete(String secretHash) {
        jdbc.sql("DELETE FROM browser_sessions WHERE secret_hash = :h").param("h", secretHash).update();
    }
}
