package dev.janua.server.users.web;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.Mockito.mock;

import dev.janua.server.platform.cache.AuthCacheProperties;
import dev.janua.server.platform.cache.DatabaseVendor;
import dev.janua.server.platform.cache.Invalidations;
import dev.janua.server.platform.web.JsonBody;
import dev.janua.server.users.User;
import dev.janua.server.users.UserStatus;
import dev.janua.server.users.UserView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ProfileBodiesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T = Instant.parse("2026-12-02T12:00:00Z");

    private static User user(String firstName, UserStatus status) {
        return new User("usr_1", "ada@example.com", "ada", firstName, "Lovelace", null, false, null, null, null, null,
                Map.of("team", "analytical"), true, false, false, status, T, T, T);
    }

    private final Invalidations invalidations = new Invalidations(config(true), null, mock(DatabaseVendor.class)); // H2-like: local only

    private static AuthCacheProperties config(boolean enabled) {
        return new AuthCacheProperties(enabled, 100, Duration.ofSeconds(30));
    }

    private ProfileBodies bodies(boolean enabled) {
        return new ProfileBodies(JSON, config(enabled), invalidations);
    }

    private static String text(JsonBody b) {
        return new String(b.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theBodyIsWhatJacksonWritesForTheView() {
        User ada = user("Ada", UserStatus.ACTIVE);
        assertThat(bodies(true).of(ada).bytes()).isEqualTo(JSON.writeValueAsBytes(UserView.of(ada)));
    }

    @Test
    void theSameUserInstanceIsSerialisedOnce() {
        ProfileBodies bodies = bodies(true);
        User ada = user("Ada", UserStatus.ACTIVE);
        assertThat(bodies.of(ada)).isSameAs(bodies.of(ada));
    }

    @Test
    void aNewInstanceOfTheSameUserIsSerialisedAgain() {
        // what the user cache hands out after an invalidation: the same id, a new row
        ProfileBodies bodies = bodies(true);
        bodies.of(user("Ada", UserStatus.ACTIVE));
        assertThat(text(bodies.of(user("Augusta", UserStatus.ACTIVE)))).contains("\"firstName\":\"Augusta\"");
        assertThat(text(bodies.of(user("Augusta", UserStatus.SUSPENDED)))).contains("\"status\":\"suspended\"");
        assertThat(bodies.size()).isEqualTo(1);
    }

    @Test
    void anInvalidatedUsersBodyIsDropped() {
        ProfileBodies bodies = bodies(true);
        bodies.of(user("Ada", UserStatus.ACTIVE));
        invalidations.invalidate("ses_unrelated");
        assertThat(bodies.size()).isEqualTo(1);
        invalidations.invalidate("usr_1");
        assertThat(bodies.size()).isZero();
    }

    @Test
    void nothingIsKeptWhenTheAuthCacheIsOff() {
        ProfileBodies bodies = bodies(false);
        User ada = user("Ada", UserStatus.ACTIVE);
        assertThat(bodies.of(ada)).isNotSameAs(bodies.of(ada));
        assertThat(bodies.size()).isZero();
    }
}
