package dev.janua.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonConfigTest {
    record Body(String firstName, String refreshToken, Map<String, Object> metadata) {}

    private final JsonMapper mapper = JsonMapper.builder().annotationIntrospector(new JsonConfig.SnakeCaseAliasIntrospector()).build();

    @Test
    void camelAndSnakeCaseKeysBothBindToRecordComponents() {
        assertThat(mapper.readValue("{\"firstName\":\"A\",\"refreshToken\":\"r\"}", Body.class).firstName()).isEqualTo("A");
        Body snake = mapper.readValue("{\"first_name\":\"B\",\"refresh_token\":\"s\"}", Body.class);
        assertThat(snake.firstName()).isEqualTo("B");
        assertThat(snake.refreshToken()).isEqualTo("s");
    }

    @Test
    void responsesStayCamelCaseAndFreeFormMapsKeepTheirKeys() {
        Body b = mapper.readValue("{\"metadata\":{\"utm_campaign\":\"x\"}}", Body.class);
        assertThat(b.metadata()).containsKey("utm_campaign");
        assertThat(mapper.writeValueAsString(new Body("A", null, null))).contains("\"firstName\"").doesNotContain("first_name");
    }

    @Test
    void snakeCaseConversion() {
        assertThat(JsonConfig.toSnakeCase("logoutOtherSessions")).isEqualTo("logout_other_sessions");
        assertThat(JsonConfig.toSnakeCase("email")).isEqualTo("email");
    }
}
