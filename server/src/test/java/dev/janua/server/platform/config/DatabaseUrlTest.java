package dev.janua.server.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void libpqStyleUrlsBecomeJdbcUrlsWithCredentialsApart() {
        var db = JanuaEnvironment.DatabaseUrl.parse("postgres://janua:s%40cret@db.internal:6543/janua?sslmode=require");
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/janua?sslmode=require");
        assertThat(db.username()).isEqualTo("janua");
        assertThat(db.password()).isEqualTo("s@cret");
    }

    @Test
    void jdbcUrlsPassThroughAndOtherSchemesAreRefused() {
        assertThat(JanuaEnvironment.DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/janua?user=postgres").jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/janua?user=postgres");
        assertThatThrownBy(() -> JanuaEnvironment.DatabaseUrl.parse("mysql://x/y")).isInstanceOf(IllegalArgumentException.class);
    }
}
