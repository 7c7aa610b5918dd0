package dev.janua.server.hosted.web;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.auth.SignInResult;
import dev.janua.server.auth.app.CredentialsService;
import dev.janua.server.auth.app.SignInFlow;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.hosted.app.BrowserSessions;
import dev.janua.server.hosted.domain.ReturnTo;
import dev.janua.server.mfa.MfaMethods;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Hosted sign-in: email and password, then the second factor when one is due. Both steps go
 * through the API's own sign-in ({@link CredentialsService#signIn}, {@link SignInFlow}), so lockout,
 * rate limits, events and the session are exactly those of {@code POST /auth/signin}. The MFA
 * challenge token travels in a hidden form field, never in a URL.
 */
@Controller
@HostedPages
@RequestMapping("/hosted")
public class HostedSignInController {
    private final CredentialsService credentials;
    private final SignInFlow flow;
    private final BrowserSessions browserSessions;
    private final HostedSecurity hosted;
    private final MessageSource messages;
    private final Clock clock;

    public HostedSignInController(CredentialsService credentials, SignInFlow flow, BrowserSessions browserSessions,
                            HostedSecurity hosted, MessageSource messages, Clock clock) {
        this.credentials = credentials;
        this.flow = flow;
        this.browserSessions = browserSessions;
        this.hosted = hosted;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/sign-in")
    ModelAndView page(@RequestParam(name = "return_to", required = false) String returnTo) {
        String target = ReturnTo.safe(returnTo).orElse(null);
        if (Browser.current() != null) return Browser.redirect(target != null ? target : AccountPageController.PATH);
        ModelAndView mv = new ModelAndView("hosted/sign-in");
        mv.addObject("returnTo", target);
        mv.addObject("email", "");
        return mv;
    }

    @PostMapping("/sign-in")
    ModelAndView signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                        @RequestParam(name = "remember_me", defaultValue = "false") boolean rememberMe,
                        @RequestParam(name = "return_to", required = false) String returnTo,
                        @CookieValue(name = SecondFactors.DEVICE_COOKIE, required = false) String deviceToken,
                        ClientInfo client, HttpServletResponse response, Locale locale) {
        String target = ReturnTo.safe(returnTo).orElse(null);
        SignInOutcome outcome;
        try {
            outcome = credentials.signIn(email.trim(), password, rememberMe, deviceToken, client);
        } catch (JanuaException e) {
            ModelAndView mv = new ModelAndView("hosted/sign-in", e.code().status());
            mv.addObject("returnTo", target);
            mv.addObject("email", email);
            mv.addObject("errorMessage", message(e.code(), locale));
            return mv;
        }
        return switch (outcome) {
            case SignInOutcome.Completed c -> signedIn(c.result(), List.of("pwd"), target, response);
            case SignInOutcome.SecondFactorRequired s when !s.enrollment() -> mfaPage(s.mfaToken(), s.methods(), target, null,
                    HttpStatus.OK);
            case SignInOutcome.SecondFactorRequired s ->
                    HostedErrorController.page(messages, locale, "MFA_ENROLLMENT_REQUIRED", null, HttpStatus.FORBIDDEN);
        };
    }

    @PostMapping("/sign-in/mfa")
    ModelAndView secondFactor(@RequestParam(name = "mfa_token", defaultValue = "") String mfaToken,
                              @RequestParam(defaultValue = MfaMethods.TOTP) String method,
                              @RequestParam(defaultValue = "") String code,
                              @RequestParam(name = "trust_device", defaultValue = "false") boolean trustDevice,
                              @RequestParam(name = "return_to", required = false) String returnTo,
                              ClientInfo client, HttpServletResponse response, Locale locale) {
        String target = ReturnTo.safe(returnTo).orElse(null);
        String normalized = MfaMethods.normalize(method);
        SignInOutcome outcome;
        try {
            outcome = flow.completeSecondFactor(mfaToken, normalized, code.replace(" ", ""), trustDevice, client);
        } catch (JanuaException e) {
            if (e.code() == ErrorCode.INVALID_MFA_CODE || e.code() == ErrorCode.VALIDATION_ERROR
                    || e.code() == ErrorCode.MFA_METHOD_UNAVAILABLE) {
                return mfaPage(mfaToken, List.of(MfaMethods.TOTP, MfaMethods.BACKUP_CODE), target, message(e.code(), locale),
                        e.code().status());
            }
            // the challenge is spent, expired or out of attempts: start again
            ModelAndView mv = new ModelAndView("hosted/sign-in", e.code().status());
            mv.addObject("returnTo", target);
            mv.addObject("email", "");
            mv.addObject("errorMessage", message(e.code(), locale));
            return mv;
        }
        if (outcome instanceof SignInOutcome.Completed c) {
            if (c.trustedDevice() != null) {
                response.addHeader("Set-Cookie", BrowserCookies.session(SecondFactors.DEVICE_COOKIE, c.trustedDevice().token(),
                        hosted.secureCookies(), Duration.between(clock.instant(), c.trustedDevice().expiresAt())));
            }
            return signedIn(c.result(), amr(normalized), target, response);
        }
        return HostedErrorController.page(messages, locale, "MFA_ENROLLMENT_REQUIRED", null, HttpStatus.FORBIDDEN);
    }

    /** RFC 8176 authentication method references for password + the second factor passed. */
    static List<String> amr(String secondFactor) {
        if (MfaMethods.SMS.equals(secondFactor)) return List.of("pwd", "sms", "mfa");
        return List.of("pwd", "otp", "mfa");
    }

    private ModelAndView signedIn(SignInResult result, List<String> amr, String target, HttpServletResponse response) {
        String secret = browserSessions.bind(result, amr);
        Duration maxAge = result.session().rememberMe() ? Duration.between(clock.instant(), result.session().expiresAt()) : null;
        response.addHeader("Set-Cookie", BrowserCookies.session(HostedSecurity.SESSION_COOKIE, secret, hosted.secureCookies(), maxAge));
        return Browser.redirect(target != null ? target : AccountPageController.PATH);
    }

    private ModelAndView mfaPage(String mfaToken, List<String> methods, String target, String error, HttpStatus status) {
        ModelAndView mv = new ModelAndView("hosted/mfa", status);
        mv.addObject("mfaToken", mfaToken);
        mv.addObject("backupAllowed", methods.contains(MfaMethods.BACKUP_CODE));
        mv.addObject("returnTo", target);
        mv.addObject("errorMessage", error);
        return mv;
    }

    private String message(ErrorCode code, Locale locale) {
        return messages.getMessage("error." + code.name(), null, code.name(), locale);
    }
}
