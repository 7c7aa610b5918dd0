package dev.janua.server.mfa.web;

import dev.janua.server.mfa.MfaMethods;
import dev.janua.server.mfa.app.ChallengeService;
import dev.janua.server.mfa.app.FactorChecks.SmsPurpose;
import dev.janua.server.mfa.app.MfaAccountService;
import dev.janua.server.mfa.app.MfaAccountService.Status;
import dev.janua.server.mfa.app.MfaAccountService.TotpSetup;
import dev.janua.server.mfa.app.SmsCodes;
import dev.janua.server.mfa.persistence.JdbcFactorRepository.BackupCodeCounts;
import dev.janua.server.mfa.web.MfaBodies.BackupCodesResponse;
import dev.janua.server.mfa.web.MfaBodies.BackupCodesStatus;
import dev.janua.server.mfa.web.MfaBodies.CodeRequest;
import dev.janua.server.mfa.web.MfaBodies.MethodView;
import dev.janua.server.mfa.web.MfaBodies.ReauthRequest;
import dev.janua.server.mfa.web.MfaBodies.SetupRequest;
import dev.janua.server.mfa.web.MfaBodies.SetupResponse;
import dev.janua.server.mfa.web.MfaBodies.StatusResponse;
import dev.janua.server.mfa.web.MfaBodies.VerifyResponse;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.security.CallerAuthenticator;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The signed-in user's second factors, at every seed path: set up ({@code /auth/mfa/enable},
 * {@code /mfa/setup}, {@code /mfa/totp/enable}), confirm ({@code /auth/mfa/verify},
 * {@code /mfa/verify}, {@code /mfa/totp/verify}), disable, backup codes. Set-up also accepts the
 * {@code mfaToken} of an enrolment challenge (header {@code X-MFA-Token}) instead of a session,
 * for users whom a policy makes enrol before their first session.
 */
@JanuaApi
@Tag(name = "MFA")
public class MfaController {
    private final MfaAccountService accounts;
    private final ChallengeService challenges;
    private final SmsCodes sms;
    private final CallerAuthenticator authenticator;

    public MfaController(MfaAccountService accounts, ChallengeService challenges, SmsCodes sms, CallerAuthenticator authenticator) {
        this.accounts = accounts;
        this.challenges = challenges;
        this.sms = sms;
        this.authenticator = authenticator;
    }

    @GetMapping({"/mfa", "/mfa/status", "/auth/mfa/status"})
    @Operation(summary = "MFA state of the signed-in user: enrolled methods, backup codes left, whether a policy requires MFA")
    public StatusResponse status(Caller caller) {
        Status s = accounts.status(caller.userId());
        List<MethodView> methods = new ArrayList<>();
        if (s.totpEnabled() || s.totpPending()) methods.add(new MethodView(MfaMethods.TOTP, s.totpEnabled(), s.totpPending() ? true : null, null, null));
        if (s.smsPhoneHint() != null) methods.add(new MethodView(MfaMethods.SMS, true, null, s.smsPhoneHint(), true));
        return new StatusResponse(s.enabled(), s.required(), methods, backupStatus(s.backupCodes()));
    }

    @PostMapping({"/auth/mfa/enable", "/mfa/setup", "/mfa/totp/enable", "/mfa/totp/setup"})
    @Operation(summary = "Start TOTP set-up (secret, otpauth URI, QR code PNG data URL, backup codes) or, with type sms, text a code to phoneNumber")
    public SetupResponse setup(@RequestBody(required = false) SetupRequest body,
                               @RequestHeader(value = "X-MFA-Token", required = false) String mfaTokenHeader,
                               HttpServletRequest request, ClientInfo client, Locale locale) {
        SetupRequest b = body == null ? new SetupRequest(null, null, null) : body;
        String mfaToken = mfaTokenHeader != null ? mfaTokenHeader : b.mfaToken();
        String type = b.type() == null ? MfaMethods.TOTP : MfaMethods.normalize(b.type());
        if (MfaMethods.SMS.equals(type)) {
            if (mfaToken != null) throw JanuaException.of(ErrorCode.MFA_METHOD_UNAVAILABLE, "reason", "policy_requires_authenticator_app");
            String userId = authenticator.authenticate(request).userId();
            SmsCodes.Sent sent = sms.send(userId, SmsPurpose.MFA_SETUP, SmsCodes.requireE164(b.phoneNumber()), null, locale, client);
            return new SetupResponse(MfaMethods.SMS, null, null, null, null, null, true, sent.phoneNumberHint(), sent.expiresAt(), true);
        }
        if (!MfaMethods.TOTP.equals(type)) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "type", "reason", "must be totp or sms"));
        }
        String userId = mfaToken != null ? challenges.enrollingUser(mfaToken) : authenticator.authenticate(request).userId();
        TotpSetup setup = accounts.setupTotp(userId, client);
        return new SetupResponse(MfaMethods.TOTP, setup.secret(), setup.otpauthUri(), setup.qrCodeUrl(), setup.qrCodeUrl(),
                setup.backupCodes(), null, null, null, null);
    }

    @PostMapping({"/auth/mfa/verify", "/mfa/verify", "/mfa/totp/verify"})
    @Operation(summary = "Confirm a set-up with a code (turns MFA on), or check a code when MFA is already on")
    public VerifyResponse verify(@RequestBody CodeRequest body, Caller caller, ClientInfo client) {
        if (MfaMethods.SMS.equals(MfaMethods.normalize(body.type()))) return verifySms(body, caller, client);
        boolean enabledNow = accounts.verify(caller.userId(), body.code(), client);
        return new VerifyResponse(true, true, MfaMethods.TOTP, null, enabledNow ? "MFA enabled" : "Code verified");
    }

    @PostMapping({"/mfa/sms/verify", "/mfa/sms/confirm"})
    @Operation(summary = "Confirm the code texted by SMS set-up: verifies the phone and enables SMS as a (restricted) second factor")
    public VerifyResponse verifySms(@RequestBody CodeRequest body, Caller caller, ClientInfo client) {
        sms.confirm(caller.userId(), SmsPurpose.MFA_SETUP, body.code(), client);
        return new VerifyResponse(true, true, MfaMethods.SMS, true,
                "SMS enabled. SMS is a restricted authenticator; add an authenticator app for stronger protection.");
    }

    @PostMapping({"/mfa/disable", "/auth/mfa/disable"})
    @Operation(summary = "Turn MFA off (all factors, backup codes, trusted devices); needs the password or a current code")
    public Ack disable(@RequestBody(required = false) ReauthRequest body, Caller caller, ClientInfo client) {
        ReauthRequest b = body == null ? new ReauthRequest(null, null) : body;
        accounts.disable(caller.userId(), b.password(), b.code(), client);
        return Ack.of("MFA disabled");
    }

    @GetMapping({"/mfa/backup-codes", "/auth/mfa/backup-codes"})
    @Operation(summary = "How many backup codes are left (the codes themselves are shown only once)")
    public BackupCodesStatus backupCodes(Caller caller) {
        return backupStatus(accounts.backupCodes(caller.userId()));
    }

    @PostMapping({"/mfa/backup-codes/regenerate", "/mfa/backup-codes", "/auth/mfa/backup-codes/regenerate"})
    @Operation(summary = "Replace all backup codes with 10 new ones (the old ones stop working); needs the password or a current code")
    public BackupCodesResponse regenerate(@RequestBody(required = false) ReauthRequest body, Caller caller, ClientInfo client) {
        ReauthRequest b = body == null ? new ReauthRequest(null, null) : body;
        List<String> codes = accounts.regenerateBackupCodes(caller.userId(), b.password(), b.code(), client);
        return new BackupCodesResponse(codes, codes.size(), codes.size());
    }

    private static BackupCodesStatus backupStatus(BackupCodeCounts c) {
        return new BackupCodesStatus(c.remaining(), c.total(), c.generatedAt());
    }
}
