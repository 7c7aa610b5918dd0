package dev.janua.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphQlPropertiesTest {
    @Test
    void introspectionIsOffInProductionUnlessEnabled() {
        assertThat(new GraphQlProperties(12, 1000, null).introspectionEnabled(true)).isFalse();
        assertThat(new GraphQlProperties(12, 1000, true).introspectionEnabled(true)).isTrue();
        assertThat(new GraphQlProperties(12, 1000, null).introspectionEnabled(false)).isTrue();
        assertThat(new GraphQlProperties(12, 1000, false).introspectionEnabled(false)).isFalse();
    }
}
