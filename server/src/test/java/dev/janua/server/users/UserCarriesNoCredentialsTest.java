package dev.janua.server.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The {@link User} other modules receive carries no credentials (issue 18): those stay in users.domain.Credentials. */
class UserCarriesNoCredentialsTest {

    @Test
    void theSharedUserRecordHasNoPasswordHashNorLockoutCounters() {
        assertThat(Arrays.stream(User.class.getRecordComponents()).map(RecordComponent::getName))
                .doesNotContain("passwordHash", "failedAttempts", "lockedUntil");
    }
}
