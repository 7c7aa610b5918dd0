package dev.janua.server.auth.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.auth.SignInResponse;
import dev.janua.server.auth.app.SignInFlow;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.mfa.SecondFactors.SmsCodeSent;
import dev.janua.server.mfa.SecondFactors.TrustedDevice;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.platform.web.PublicUrl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * The second step of sign-in: {@code POST /auth/login/mfa} with the {@code mfaToken} (or seed
 * 002's {@code tempToken}) from the first step, the method and the code.
 */
@JanuaApi
@Tag(name = "Authentication")
public class MfaSignInController {
    private final SignInFlow flow;
    private final SecondFactors secondFactors;
    private final PublicUrl publicUrl;

    public MfaSignInController(SignInFlow flow, SecondFactors secondFactors, PublicUrl publicUrl) {
        this.flow = flow;
        this.secondFactors = secondFactors;
        this.publicUrl = publicUrl;
    }

    public record MfaSignInRequest(@JsonAlias({"tempToken", "temp_token", "challengeToken"}) String mfaToken,
                                   @JsonAlias({"type"}) String method, String code,
                                   @JsonAlias({"rememberDevice", "remember_device"}) Boolean trustDevice,
                                   @JsonAlias({"assertion"}) tools.jackson.databind.JsonNode credential) {
        /** A passkey answers with its assertion ({@code PublicKeyCredential.toJSON()}) in {@code credential}, not a code. */
        String proof() {
            return credential != null && credential.isObject() ? credential.toString() : code;
        }
    }

    public record SmsCodeRequest(@JsonAlias({"tempToken", "temp_token"}) String mfaToken) {}

    public record SmsCodeResponse(boolean sent, String phoneNumber, Instant expiresAt) {}

    @PostMapping({"/auth/login/mfa", "/auth/signin/mfa"})
    @Operation(summary = "Complete sign-in with a second factor (totp, backup_code, sms, or passkey with the assertion in credential); optionally trust this device for 30 days")
    public SignInResponse complete(@RequestBody MfaSignInRequest body, ClientInfo client, HttpServletRequest request,
                                   HttpServletResponse response) {
        SignInOutcome outcome = flow.completeSecondFactor(body.mfaToken(), body.method(), body.proof(),
                Boolean.TRUE.equals(body.trustDevice()), client);
        if (outcome instanceof SignInOutcome.Completed c && c.trustedDevice() != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, deviceCookie(c.trustedDevice(), request).toString());
        }
        return SignInResponse.of(outcome);
    }

    @PostMapping({"/auth/login/mfa/sms", "/auth/signin/mfa/sms"})
    @Operation(summary = "Text a sign-in code to the verified phone of the user behind an mfaToken")
    public SmsCodeResponse sendSms(@RequestBody SmsCodeRequest body, Locale locale, ClientInfo client) {
        SmsCodeSent sent = secondFactors.sendSmsCode(body.mfaToken(), locale, client);
        return new SmsCodeResponse(true, sent.phoneNumberHint(), sent.expiresAt());
    }

    /** HttpOnly, so page scripts never see it; Secure whenever the server is reached over HTTPS. */
    private ResponseCookie deviceCookie(TrustedDevice device, HttpServletRequest request) {
        boolean secure = request.isSecure() || publicUrl.base().startsWith("https:");
        long maxAge = Math.max(0, Duration.between(Instant.now(), device.expiresAt()).toSeconds());
        return ResponseCookie.from(SecondFactors.DEVICE_COOKIE, device.token()).httpOnly(true).secure(secure)
                .sameSite("Lax").path("/").maxAge(maxAge).build();
    }
}
