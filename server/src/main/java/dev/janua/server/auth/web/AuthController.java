package dev.janua.server.auth.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import dev.janua.server.auth.SignInResult;
import dev.janua.server.auth.app.BearerAuthenticator;
import dev.janua.server.auth.app.CredentialsService;
import dev.janua.server.auth.app.EmailVerificationService;
import dev.janua.server.auth.app.PasswordService;
import dev.janua.server.auth.web.AuthRequests.ForgotPasswordRequest;
import dev.janua.server.auth.web.AuthRequests.RefreshRequest;
import dev.janua.server.auth.web.AuthRequests.ResetPasswordRequest;
import dev.janua.server.auth.web.AuthRequests.SignInRequest;
import dev.janua.server.auth.web.AuthRequests.SignOutRequest;
import dev.janua.server.auth.web.AuthRequests.SignUpRequest;
import dev.janua.server.auth.web.AuthRequests.TokenRequest;
import dev.janua.server.auth.SignInResponse;
import dev.janua.server.auth.SignInResponse.Tokens;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.security.CallerAuthenticator;
import dev.janua.server.platform.web.Ack;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.users.UserView;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Email/password authentication. Seed aliases are listed on each mapping: signup = register,
 * signin = login, signout = logout.
 */
@Tag(name = "Authentication", description = "Sign-up, sign-in, refresh, sign-out, password reset, email verification")
@JanuaApi
public class AuthController {
    private final CredentialsService credentials;
    private final PasswordService passwords;
    private final EmailVerificationService verification;
    private final CallerAuthenticator authenticator;

    public AuthController(CredentialsService credentials, PasswordService passwords, EmailVerificationService verification,
                          CallerAuthenticator authenticator) {
        this.credentials = credentials;
        this.passwords = passwords;
        this.verification = verification;
        this.authenticator = authenticator;
    }

    @PostMapping({"/auth/signup", "/auth/register"})
    @ResponseStatus(HttpStatus.CREATED)
    public SignInResponse signUp(@RequestBody SignUpRequest body, ClientInfo client, Locale locale) {
        NameParts names = NameParts.of(body.firstName(), body.lastName(), body.name());
        SignInResult r = credentials.signUp(new CredentialsService.SignUp(body.email(), body.password(), names.first(), names.last(),
                body.username(), body.metadata(), locale), client);
        return SignInResponse.of(r, !r.user().emailVerified());
    }

    /**
     * With MFA on, the answer is {@code requiresMfa: true} + {@code mfaToken} instead of tokens. A
     * trusted-device token ({@code deviceToken} in the body, or the {@code janua_device} cookie)
     * skips the second factor.
     */
    @PostMapping({"/auth/signin", "/auth/login"})
    public SignInResponse signIn(@RequestBody SignInRequest body, ClientInfo client,
                                 @CookieValue(name = SecondFactors.DEVICE_COOKIE, required = false) String deviceCookie) {
        String device = body.deviceToken() != null ? body.deviceToken() : deviceCookie;
        return SignInResponse.of(credentials.signIn(body.email(), body.password(), Boolean.TRUE.equals(body.rememberMe()), device, client));
    }

    @PostMapping("/auth/refresh")
    public Tokens refresh(@RequestBody RefreshRequest body, ClientInfo client) {
        CredentialsService.Refreshed r = credentials.refresh(body.refreshToken(), client);
        return Tokens.of(r.accessToken(), r.refreshToken());
    }

    /** Accepts the access token (Authorization header) or the refresh token (body). */
    @PostMapping({"/auth/signout", "/auth/logout"})
    public Ack signOut(@RequestBody(required = false) SignOutRequest body, HttpServletRequest request, ClientInfo client) {
        String sessionId = null;
        if (BearerAuthenticator.bearerToken(request) != null) {
            Caller caller = authenticator.authenticate(request);
            sessionId = caller.sessionId();
        }
        credentials.signOut(sessionId, body == null ? null : body.refreshToken(), client);
        return Ack.of("Signed out");
    }

    @PostMapping({"/auth/password/forgot", "/auth/forgot-password", "/auth/password-reset/request"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Ack forgotPassword(@RequestBody ForgotPasswordRequest body, Locale locale) {
        if (body.email() == null || body.email().isBlank()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "email", "reason", "required"));
        }
        passwords.forgot(body.email(), locale);
        return Ack.of("If an account exists for this email, a reset link has been sent");
    }

    @PostMapping({"/auth/password/reset", "/auth/reset-password", "/auth/password-reset/confirm"})
    public Ack resetPassword(@RequestBody ResetPasswordRequest body, ClientInfo client) {
        passwords.reset(body.token(), body.newPassword(), client);
        return Ack.of("Password reset; sign in with the new password");
    }

    @PostMapping({"/users/me/verify-email/send", "/auth/verify-email/send", "/auth/email/verify/send"})
    public Ack sendVerification(Caller caller, Locale locale) {
        verification.send(caller.userId(), locale);
        return Ack.of("Verification email sent");
    }

    @PostMapping({"/users/me/verify-email/confirm", "/auth/verify-email", "/auth/verify-email/confirm", "/auth/email/verify"})
    public UserView confirmVerification(@RequestBody TokenRequest body, ClientInfo client) {
        return UserView.of(verification.confirm(body.token(), client));
    }

    /** The link in the verification email. */
    @GetMapping("/auth/verify-email")
    public UserView confirmVerificationLink(@RequestParam String token, ClientInfo client) {
        return UserView.of(verification.confirm(token, client));
    }
}
