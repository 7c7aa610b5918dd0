package dev.janua.server.auth.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.janua.server.auth.SignIns;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.sso.SsoEnforcement;
import dev.janua.server.users.PasswordChecks;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsServiceTest {
    final UserDirectory users = mock(UserDirectory.class);
    final SignIns signIns = mock(SignIns.class);
    final PasswordChecks checks = mock(PasswordChecks.class);
    final CredentialsService service = new CredentialsService(users, null, null, null, signIns, null, checks, null, null, null, null,
            mock(SsoEnforcement.class), null);
    final User ada = new User("usr_1", "ada@example.com", null, "Ada", null, null, false, null, null, null, null, Map.of(), true, false,
            false, UserStatus.ACTIVE, Instant.EPOCH, Instant.EPOCH, null);

    @Test
    void signInWhoseFinishFailsThrowsThatFailureEvenWhenClearingTheCountFailsToo() {
        when(users.findByEmail("ada@example.com")).thenReturn(Optional.of(ada));
        when(checks.checkLeavingCount(ada, "right password")).thenReturn(Optional.empty());
        when(signIns.finish(any(), anyString(), anyBoolean(), any(), any())).thenThrow(new IllegalStateException("finish failed"));
        doThrow(new IllegalStateException("database down")).when(checks).clearFailures("usr_1");

        assertThatThrownBy(() -> service.signIn("ada@example.com", "right password", false, null, ClientInfo.none()))
                .hasMessage("finish failed")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().extracting(Throwable::getMessage).isEqualTo("database down"));
        verify(checks).clearFailures("usr_1");
    }
}
