package dev.janua.sdk;

import dev.janua.sdk.errors.AuthenticationException;
import dev.janua.sdk.model.BackupCodes;
import dev.janua.sdk.model.MfaSetup;
import dev.janua.sdk.model.MfaStatus;
import dev.janua.sdk.model.SignInResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static dev.janua.sdk.TestSupport.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(JanuaServer.class)
class MfaIntegrationTest {

    @Test
    void totpEnrolmentThenSignInWithASecondFactor() {
        String email = TestSupport.email("mfa");
        JanuaClient janua = TestSupport.newUser(email);
        assertFalse(janua.mfa().getStatus().enabled());

        MfaSetup setup = janua.mfa().setupTotp();
        assertNotNull(setup.secret());
        assertTrue(setup.otpauthUri().startsWith("otpauth://totp/"));
        assertTrue(janua.mfa().verifyTotp(TestSupport.totp(setup.secret(), Instant.now())).mfaEnabled());
        MfaStatus status = janua.mfa().getStatus();
        assertTrue(status.enabled());

        JanuaClient device = TestSupport.client();
        SignInResult first = device.auth().signIn(email, PASSWORD);
        assertTrue(first.requiresMfa(), "second factor due");
        assertNull(first.tokens());
        assertNull(device.getTokens(), "no session before the second factor");
        assertTrue(first.mfaToken().startsWith("tmp_"), first.mfaToken());

        AuthenticationException wrong = assertThrows(AuthenticationException.class,
                () -> device.mfa().verifyChallenge(first.mfaToken(), "000000".equals(TestSupport.totp(setup.secret(), Instant.now())) ? "111111" : "000000"));
        assertEquals("INVALID_MFA_CODE", wrong.code());

        // the enrolment spent the current time step (codes are single use): answer with the next one, inside the ±1 window
        SignInResult done = device.mfa().verifyChallenge(MfaChallengeParams.builder().mfaToken(first.mfaToken())
                .code(TestSupport.totp(setup.secret(), Instant.now().plusSeconds(30))).trustDevice(true));
        assertNotNull(done.tokens());
        assertEquals(email, device.auth().getCurrentUser().email());
        assertNotNull(done.trustedDeviceToken());
        assertEquals(1, device.mfa().listTrustedDevices().size());

        // a trusted device skips the second factor
        SignInResult trusted = TestSupport.client().auth().signIn(SignInParams.builder().email(email).password(PASSWORD)
                .deviceToken(done.trustedDeviceToken()));
        assertFalse(trusted.requiresMfa());

        BackupCodes codes = janua.mfa().generateBackupCodes(PASSWORD);
        assertFalse(codes.codes().isEmpty());
        assertEquals(codes.codes().size(), janua.mfa().getBackupCodesStatus().remaining());

        assertTrue(janua.mfa().disable(PASSWORD).success());
        assertFalse(janua.mfa().getStatus().enabled());
    }
}
