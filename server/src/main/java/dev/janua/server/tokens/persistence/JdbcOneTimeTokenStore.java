package dev.janua.server.tokens.persistence;

import dev.janua.server.platform.persistence.Sql;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for one-time tokens. */
@Repository
public class JdbcOneTimeTokenStore {
    private final JdbcClient jdbc;

    public JdbcOneTimeTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String userId, String email, String data) {}

    public void insert(String hash, String purpose, String userId, String email, String data, Instant now, Instant expires) {
        jdbc.sql("""
                INSERT INTO one_time_tokens (token_hash, purpose, user_id, email, data, created_at, expires_at)
                VALUES (:h, :p, :u, :e, :d, :now, :exp)""")
                .param("h", hash).param("p", purpose).param("u", userId).param("e", email).param("d", data)
                .param("now", Sql.ts(now)).param("exp", Sql.ts(expires)).update();
    }

    /** The conditional UPDATE is the single-use guarantee: of N parallel redemptions one sees 1 row. */
    public boolean markUsed(String hash, String purpose, Instant now) {
        return jdbc.sql("""
                UPDATE one_time_tokens SET used_at = :now
                WHERE token_hash = :h AND purpose = :p AND used_at IS NULL AND expires_at > :now""")
                .param("now", Sql.ts(now)).param("h", hash).param("p", purpose).update() == 1;
    }

    public Optional<Row> find(String hash) {
        return jdbc.sql("SELECT user_id, email, data FROM one_time_tokens WHERE token_hash = :h").param("h", hash)
                .query((rs, i) -> new Row(rs.getString("user_id"), rs.getString("email"), rs.getString("data")))
                .optional();
    }

    public Optional<Row> findLive(String hash, String purpose, Instant now) {
        return jdbc.sql("""
                SELECT user_id, email, data FROM one_time_tokens
                WHERE token_hash = :h AND purpose = :p AND used_at IS NULL AND expires_at > :now""")
                .param("h", hash).param("p", purpose).param("now", Sql.ts(now))
                .query((rs, i) -> new Row(rs.getString("user_id"), rs.getString("email"), rs.getString("data")))
                .optional();
    }

    public void voidUnused(String purpose, String userId, Instant now) {
        jdbc.sql("UPDATE one_time_tokens SET used_at = :now WHERE purpose = :p AND user_id = :u AND used_at IS NULL")
                .param("now", Sql.ts(now)).param("p", purpose).param("u", userId).update();
    }
}
