package dev.janua.server.hosted.web;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.auth.app.CredentialsService;
import dev.janua.server.auth.app.SignInFlow;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.hosted.domain.ReturnTo;
import dev.janua.server.mfa.MfaMethods;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.mfa.app.ChallengeService;
import dev.janua.server.mfa.app.MfaAccountService;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    private final SecondFactors secondFactors;
    private final BrowserSignIn signIn;
    private final HostedSecurity hosted;
    private final Clock clock;
    private final dev.janua.server.sso.SsoEnforcement sso;
    private final ChallengeService challenges;
    private final MfaAccountService enrolment;

    public HostedSignInController(CredentialsService credentials, SignInFlow flow, SecondFactors secondFactors, BrowserSignIn signIn,
                                  HostedSecurity hosted, Clock clock, dev.janua.server.sso.SsoEnforcement sso,
                                  ChallengeService challenges, MfaAccountService enrolment) {
        this.challenges = challenges;
        this.enrolment = enrolment;
        this.credentials = credentials;
        this.flow = flow;
        this.secondFactors = secondFactors;
        this.signIn = signIn;
        this.hosted = hosted;
        this.clock = clock;
        this.sso = sso;
    }

    @GetMapping("/sign-in")
    ModelAndView page(@RequestParam(name = "return_to", required = false) String returnTo,
                      @RequestParam(name = HostedSecurity.SIGN_IN_AGAIN, defaultValue = "false") boolean again) {
        String target = ReturnTo.safe(returnTo).orElse(null);
        // reauth: an application asked for a fresh sign-in (prompt=login, max_age), so the form shows even when signed in
        if (Browser.current() != null && !again) return Browser.redirect(target != null ? target : AccountPageController.PATH);
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
        // home-realm discovery: an email without a password, under a domain an organization verified for SSO → its IdP
        var realm = password.isEmpty() ? sso.realmOf(email.trim()) : java.util.Optional.<dev.janua.server.sso.SsoEnforcement.Realm>empty();
        if (realm.isPresent()) return toIdp(realm.get(), target);
        SignInOutcome outcome;
        try {
            outcome = credentials.signIn(email.trim(), password, rememberMe, deviceToken, client);
        } catch (JanuaException e) {
            if (e.code() == ErrorCode.SSO_REQUIRED) {
                var required = sso.realmOf(email.trim());
                if (required.isPresent()) return toIdp(required.get(), target);
            }
            return signInPage(target, email, signIn.message(e.code(), locale), e.code().status());
        }
        return signIn.finish(outcome, target, response, locale);
    }

    @PostMapping("/sign-in/mfa")
    ModelAndView secondFactor(@RequestParam(name = "mfa_token", defaultValue = "") String mfaToken,
                              @RequestParam(defaultValue = MfaMethods.TOTP) String method,
                              @RequestParam(defaultValue = "") String code,
                              @RequestParam(name = "trust_device", defaultValue = "false") boolean trustDevice,
                              @RequestParam(name = "return_to", required = false) String returnTo,
                              @RequestParam(defaultValue = "") String methods,
                              @RequestParam(name = "sms_hint", required = false) String smsHint,
                              @RequestParam(name = "enrolment_secret", required = false) String enrolmentSecret,
                              ClientInfo client, HttpServletResponse response, Locale locale) {
        String target = ReturnTo.safe(returnTo).orElse(null);
        String normalized = MfaMethods.normalize(method);
        SignInOutcome outcome;
        try {
            outcome = flow.completeSecondFactor(mfaToken, normalized, code.replace(" ", ""), trustDevice, client);
        } catch (JanuaException e) {
            if (e.code() == ErrorCode.INVALID_MFA_CODE || e.code() == ErrorCode.VALIDATION_ERROR
                    || e.code() == ErrorCode.MFA_METHOD_UNAVAILABLE) {
                if (enrolmentSecret != null) {
                    // a wrong code from the authenticator being set up: the same key and QR code again, from the store
                    // (the form's copy of the key only says that this was an enrolment)
                    Optional<MfaAccountService.TotpSetup> pending = pendingEnrolment(mfaToken);
                    return signIn.enrolPage(mfaToken, pending.map(MfaAccountService.TotpSetup::secret).orElse(enrolmentSecret),
                            pending.map(MfaAccountService.TotpSetup::qrCodeUrl).orElse(null), null, target,
                            signIn.message(e.code(), locale), e.code().status());
                }
                // a wrong texted code: ask for it again (the hint is display only; the challenge knows the phone)
                String hint = MfaMethods.SMS.equals(normalized) && smsHint != null ? smsHint : null;
                return signIn.mfaPage(mfaToken, offered(methods), hint, target, signIn.message(e.code(), locale), e.code().status());
            }
            // the challenge is spent, expired or out of attempts: start again
            return signInPage(target, "", signIn.message(e.code(), locale), e.code().status());
        }
        if (outcome instanceof SignInOutcome.Completed c) {
            if (c.trustedDevice() != null) {
                response.addHeader("Set-Cookie", BrowserCookies.session(SecondFactors.DEVICE_COOKIE, c.trustedDevice().token(),
                        hosted.secureCookies(), Duration.between(clock.instant(), c.trustedDevice().expiresAt())));
            }
            return signIn.signedIn(c.result(), BrowserSignIn.amr(c.result().session().authMethod(), normalized), target, response);
        }
        // the SMS code passed but the policy wants an authenticator app: the enrolment page, same token
        return signIn.finish(outcome, target, response, locale);
    }

    /**
     * Starts the authenticator set-up a policy requires, before the session exists: the enrolment
     * challenge's token stands for the person (as {@code POST /auth/mfa/enable} with {@code X-MFA-Token});
     * the page then shows the QR code, the key and the backup codes once.
     */
    @PostMapping("/sign-in/mfa/enroll")
    ModelAndView startEnrolment(@RequestParam(name = "mfa_token", defaultValue = "") String mfaToken,
                                @RequestParam(name = "return_to", required = false) String returnTo, ClientInfo client, Locale locale) {
        String target = ReturnTo.safe(returnTo).orElse(null);
        MfaAccountService.TotpSetup setup;
        try {
            setup = enrolment.setupTotp(challenges.enrollingUser(mfaToken), client);
        } catch (JanuaException e) {
            // not an enrolment token, spent or expired: start the sign-in again
            return signInPage(target, "", signIn.message(e.code(), locale), e.code().status());
        }
        return signIn.enrolPage(mfaToken, setup.secret(), setup.qrCodeUrl(), setup.backupCodes(), target, null, HttpStatus.OK);
    }

    private Optional<MfaAccountService.TotpSetup> pendingEnrolment(String mfaToken) {
        try {
            return enrolment.pendingTotpSetup(challenges.enrollingUser(mfaToken));
        } catch (JanuaException notAnEnrolment) {
            return Optional.empty();
        }
    }

    /** Texts a code to the user's verified phone (same limits as {@code POST /auth/login/mfa/sms}), then asks for it. */
    @PostMapping("/sign-in/mfa/sms")
    ModelAndView sendSms(@RequestParam(name = "mfa_token", defaultValue = "") String mfaToken,
                         @RequestParam(name = "return_to", required = false) String returnTo,
                         @RequestParam(defaultValue = "") String methods, ClientInfo client, Locale locale) {
        String target = ReturnTo.safe(returnTo).orElse(null);
        try {
            SecondFactors.SmsCodeSent sent = secondFactors.sendSmsCode(mfaToken, locale, client);
            return signIn.mfaPage(mfaToken, offered(methods), sent.phoneNumberHint(), target, null, HttpStatus.OK);
        } catch (JanuaException e) {
            if (e.code() == ErrorCode.MFA_TOKEN_INVALID) {
                return signInPage(target, "", signIn.message(e.code(), locale), e.code().status());
            }
            return signIn.mfaPage(mfaToken, offered(methods), null, target, signIn.message(e.code(), locale), e.code().status());
        }
    }

    /** The methods the challenge offered, as the page carried them (display only: the challenge itself decides). */
    private static List<String> offered(String methods) {
        List<String> out = java.util.Arrays.stream(methods.split(" ")).map(MfaMethods::normalize)
                .filter(m -> m.equals(MfaMethods.TOTP) || m.equals(MfaMethods.BACKUP_CODE) || m.equals(MfaMethods.SMS)
                        || m.equals(MfaMethods.PASSKEY))
                .distinct().toList();
        return out.isEmpty() ? List.of(MfaMethods.TOTP, MfaMethods.BACKUP_CODE) : out;
    }

    /** To the organization's IdP; the return target travels as RelayState and is checked again when the sign-in ends. */
    private static ModelAndView toIdp(dev.janua.server.sso.SsoEnforcement.Realm realm, String target) {
        return Browser.redirect(realm.loginPath() + (target == null ? ""
                : "?RelayState=" + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private ModelAndView signInPage(String target, String email, String error, HttpStatus status) {
        ModelAndView mv = new ModelAndView("hosted/sign-in", status);
        mv.addObject("returnTo", target);
        mv.addObject("email", email);
        mv.addObject("errorMessage", error);
        return mv;
    }
}
