package dev.janua.sdk;

import dev.janua.sdk.errors.AuthenticationException;
import dev.janua.sdk.errors.ConflictException;
import dev.janua.sdk.errors.JanuaException;
import dev.janua.sdk.errors.NotFoundException;
import dev.janua.sdk.errors.ValidationException;
import dev.janua.sdk.model.Ack;
import dev.janua.sdk.model.Session;
import dev.janua.sdk.model.SignInResult;
import dev.janua.sdk.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.janua.sdk.TestSupport.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(JanuaServer.class)
class AuthIntegrationTest {

    @Test
    void signUpSignInMeProfileAndSignOut() {
        String email = TestSupport.email("auth");
        JanuaClient janua = TestSupport.client();
        SignInResult up = janua.auth().signUp(SignUpParams.builder().email(email).password(PASSWORD).firstName("Ada"));
        assertTrue(up.user().id().startsWith("usr_"));
        assertNotNull(up.tokens().accessToken());
        assertNotNull(janua.getTokens());

        User me = janua.auth().getCurrentUser();
        assertEquals(email, me.email());
        assertEquals("Ada", me.firstName());

        User changed = janua.auth().updateProfile(ProfileParams.builder().lastName("Lovelace").timezone("Europe/London"));
        assertEquals("Lovelace", changed.lastName());
        assertEquals("Ada", changed.firstName(), "fields not set stay unchanged");

        janua.auth().signOut();
        assertNull(janua.getTokens());
        AuthenticationException notSignedIn = assertThrows(AuthenticationException.class, () -> janua.auth().getCurrentUser());
        assertEquals("NOT_AUTHENTICATED", notSignedIn.code());

        SignInResult in = janua.auth().signIn(email, PASSWORD);
        assertFalse(in.requiresMfa());
        assertEquals(me.id(), in.user().id());
        assertEquals(email, janua.auth().getCurrentUser().email());
    }

    @Test
    void errorsMapToTypesWithCodeAndRequestId() {
        String email = TestSupport.email("err");
        JanuaClient janua = TestSupport.newUser(email);

        AuthenticationException wrong = assertThrows(AuthenticationException.class,
                () -> TestSupport.client().auth().signIn(email, "not the password at all"));
        assertEquals("INVALID_CREDENTIALS", wrong.code());
        assertEquals(401, wrong.status());
        assertTrue(wrong.requestId().startsWith("req_"), wrong.requestId());

        ConflictException taken = assertThrows(ConflictException.class, () -> TestSupport.client().auth().signUp(email, PASSWORD));
        assertEquals("EMAIL_ALREADY_EXISTS", taken.code());
        assertEquals(409, taken.status());

        ValidationException weak = assertThrows(ValidationException.class,
                () -> TestSupport.client().auth().signUp(TestSupport.email("weak"), "short"));
        assertTrue(List.of("WEAK_PASSWORD", "VALIDATION_ERROR").contains(weak.code()), weak.code());
        assertNotNull(weak.requestId());

        NotFoundException missing = assertThrows(NotFoundException.class, () -> janua.sessions().get("sess_01NOTTHERE0000000000000000"));
        assertEquals(404, missing.status());
        assertNotNull(missing.code());

        // a request id given by the caller is the one the server reports
        JanuaClient tagged = TestSupport.builder().header("X-Request-ID", "req_JAVASDKTEST0000000000001").build();
        JanuaException e = assertThrows(JanuaException.class, () -> tagged.auth().signIn(email, "wrong wrong wrong"));
        assertEquals("req_JAVASDKTEST0000000000001", e.requestId());
    }

    @Test
    void emailVerificationAndPasswordResetThroughTheMailbox() {
        String email = TestSupport.email("mail");
        JanuaClient janua = TestSupport.newUser(email);
        assertFalse(janua.auth().getCurrentUser().emailVerified());
        String verify = TestSupport.mailToken(email, "verify", "(evt_[A-Za-z0-9_-]+)");
        assertTrue(janua.auth().verifyEmail(verify).emailVerified());

        JanuaClient anonymous = TestSupport.client();
        anonymous.auth().requestPasswordReset(email);
        String reset = TestSupport.mailToken(email, "reset", "token=([A-Za-z0-9_-]+)");
        String newPassword = "an entirely new passphrase 77";
        anonymous.auth().resetPassword(reset, newPassword);
        assertThrows(AuthenticationException.class, () -> TestSupport.client().auth().signIn(email, PASSWORD));
        assertEquals(email, TestSupport.client().auth().signIn(email, newPassword).user().email());
    }

    @Test
    void changePassword() {
        String email = TestSupport.email("pw");
        JanuaClient janua = TestSupport.newUser(email);
        Ack ack = janua.auth().changePassword(PASSWORD, "yet another long passphrase 5");
        assertTrue(ack.success());
        assertNotNull(TestSupport.client().auth().signIn(email, "yet another long passphrase 5").tokens());
    }

    @Test
    void magicLinkSignIn() {
        String email = TestSupport.email("magic");
        TestSupport.newUser(email);
        JanuaClient janua = TestSupport.client();
        assertTrue(janua.magicLinks().send(email).success());
        String token = TestSupport.mailToken(email, "sign-in link", "token=(mlt_[A-Za-z0-9_-]+)");
        SignInResult r = janua.magicLinks().verify(token);
        assertEquals(email, r.user().email());
        assertEquals(email, janua.auth().getCurrentUser().email());
    }

    @Test
    void sessionsListCurrentAndRevoke() {
        String email = TestSupport.email("sess");
        JanuaClient first = TestSupport.newUser(email);
        JanuaClient second = TestSupport.client();
        second.auth().signIn(email, PASSWORD);

        Page<Session> page = first.sessions().list();
        assertEquals(2, page.size());
        Session current = first.sessions().getCurrent();
        assertTrue(current.isCurrent());
        Session other = page.data().stream().filter(s -> !s.id().equals(current.id())).findFirst().orElseThrow();
        assertNotEquals(current.id(), other.id());

        first.sessions().revoke(other.id());
        AuthenticationException revoked = assertThrows(AuthenticationException.class, () -> second.auth().getCurrentUser());
        assertNotNull(revoked.code());
        assertEquals(1, first.sessions().list().data().stream().filter(Session::isActive).count());

        JanuaClient third = TestSupport.client();
        third.auth().signIn(email, PASSWORD);
        assertEquals(1, first.sessions().revokeOthers().revokedCount());
        assertThrows(AuthenticationException.class, () -> third.auth().getCurrentUser());
        assertEquals(email, first.auth().getCurrentUser().email(), "the current session stays");
    }
}
