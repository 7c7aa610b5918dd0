package dev.janua.sdk;

import dev.janua.sdk.model.Ack;
import dev.janua.sdk.model.BackupCodes;
import dev.janua.sdk.model.MfaSetup;
import dev.janua.sdk.model.MfaStatus;
import dev.janua.sdk.model.MfaVerification;
import dev.janua.sdk.model.SignInResult;
import dev.janua.sdk.model.TrustedDevice;

import java.util.List;

/** Second factors: TOTP and SMS enrolment, backup codes, finishing a sign-in, trusted devices. */
public final class Mfa extends Namespace {
    Mfa(Transport t) { super(t); }

    /** {@code GET /mfa}. */
    public MfaStatus getStatus() {
        return new MfaStatus(get("/mfa", Credential.USER));
    }

    /** Starts TOTP enrolment ({@code POST /auth/mfa/enable}): the secret and otpauth URI for the authenticator app. */
    public MfaSetup setupTotp() {
        return new MfaSetup(post("/auth/mfa/enable", body("type", "totp"), Credential.USER));
    }

    /** Confirms TOTP enrolment with a current code (or, once enabled, a step-up check): {@code POST /auth/mfa/verify}. */
    public MfaVerification verifyTotp(String code) {
        return new MfaVerification(post("/auth/mfa/verify", body("code", code), Credential.USER));
    }

    /** {@code POST /mfa/disable}, confirmed with the password. */
    public Ack disable(String password) {
        return new Ack(post("/mfa/disable", body("password", password), Credential.USER));
    }

    /** {@code POST /mfa/disable}, confirmed with a current code. */
    public Ack disableWithCode(String code) {
        return new Ack(post("/mfa/disable", body("code", code), Credential.USER));
    }

    /** {@code POST /mfa/sms/setup}: texts a code to the number. */
    public MfaSetup setupSms(String phoneNumber) {
        return new MfaSetup(post("/mfa/sms/setup", body("phoneNumber", phoneNumber), Credential.USER));
    }

    /** {@code POST /mfa/sms/verify}. */
    public MfaVerification verifySms(String code) {
        return new MfaVerification(post("/mfa/sms/verify", body("code", code), Credential.USER));
    }

    /** {@code POST /mfa/backup-codes/regenerate}, confirmed with the password; the old codes stop working. */
    public BackupCodes generateBackupCodes(String password) {
        return new BackupCodes(post("/mfa/backup-codes/regenerate", body("password", password), Credential.USER));
    }

    /** {@code GET /mfa/backup-codes}: how many remain. */
    public BackupCodes getBackupCodesStatus() {
        return new BackupCodes(get("/mfa/backup-codes", Credential.USER));
    }

    /** Texts a sign-in code for the challenge {@code mfaToken} ({@code POST /auth/login/mfa/sms}). */
    public MfaSetup sendChallengeSms(String mfaToken) {
        return new MfaSetup(post("/auth/login/mfa/sms", body("mfaToken", mfaToken), Credential.NONE));
    }

    /** Finishes a sign-in that answered {@code requiresMfa} ({@code POST /auth/login/mfa}); the client keeps the session. */
    public SignInResult verifyChallenge(String mfaToken, String code) {
        return verifyChallenge(MfaChallengeParams.builder().mfaToken(mfaToken).code(code));
    }

    public SignInResult verifyChallenge(MfaChallengeParams params) {
        return signedIn("/auth/login/mfa", params.toMap(), Credential.NONE);
    }

    /** {@code GET /mfa/trusted-devices}. */
    public List<TrustedDevice> listTrustedDevices() {
        return items(get("/mfa/trusted-devices", Credential.USER), TrustedDevice::new);
    }

    /** {@code DELETE /mfa/trusted-devices/{id}}. */
    public Ack revokeTrustedDevice(String id) {
        return new Ack(delete("/mfa/trusted-devices/" + seg(id), Credential.USER));
    }

    /** {@code DELETE /mfa/trusted-devices}. */
    public Ack revokeAllTrustedDevices() {
        return new Ack(delete("/mfa/trusted-devices", Credential.USER));
    }
}
