package dev.janua.server.hosted.web;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.auth.SignInResult;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.hosted.app.BrowserSessions;
import dev.janua.server.mfa.MfaMethods;
import dev.janua.server.platform.errors.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The end every hosted way in shares (password, sign-up, magic link, invitation): a completed
 * sign-in becomes the browser-session cookie; a due second factor becomes the MFA page.
 */
@Component
class BrowserSignIn implements dev.janua.server.hosted.HostedSignIns {
    private final BrowserSessions browserSessions;
    private final HostedSecurity hosted;
    private final MessageSource messages;
    private final Clock clock;

    BrowserSignIn(BrowserSessions browserSessions, HostedSecurity hosted, MessageSource messages, Clock clock) {
        this.browserSessions = browserSessions;
        this.hosted = hosted;
        this.messages = messages;
        this.clock = clock;
    }

    /** Cookie + redirect, or the MFA page, or the MFA enrolment page, for any outcome of {@code SignIns.finish}. */
    @Override
    public ModelAndView finish(SignInOutcome outcome, String returnTo, HttpServletResponse response, Locale locale) {
        // callers in this package pass a checked target already; other modules' (SSO RelayState) are checked here
        String target = dev.janua.server.hosted.domain.ReturnTo.safe(returnTo).orElse(null);
        return switch (outcome) {
            case SignInOutcome.Completed c -> signedIn(c.result(), amr(c.result().session().authMethod(), null), target, response);
            case SignInOutcome.SecondFactorRequired s when !s.enrollment() -> mfaPage(s.mfaToken(), s.methods(), null, target, null,
                    HttpStatus.OK);
            // a policy requires MFA and an SMS factor exists: that code first, then the enrolment (same token)
            case SignInOutcome.SecondFactorRequired s when !s.methods().contains(MfaMethods.TOTP) ->
                    mfaPage(s.mfaToken(), s.methods(), null, target, null, HttpStatus.OK);
            case SignInOutcome.SecondFactorRequired s -> enrolPage(s.mfaToken(), null, null, null, target, null, HttpStatus.OK);
        };
    }

    /**
     * MFA enrolment inside a sign-in (a policy requires MFA, the person has no factor): without
     * {@code secret} the page explains and offers to start; with it, the QR code, the key, the backup
     * codes (shown this once) and the code field, which completes the sign-in.
     */
    ModelAndView enrolPage(String mfaToken, String secret, String qrCodeUrl, List<String> backupCodes, String target, String error,
                           HttpStatus status) {
        ModelAndView mv = new ModelAndView("hosted/mfa-enroll", status);
        mv.addObject("mfaToken", mfaToken);
        mv.addObject("secret", secret);
        mv.addObject("qrCodeUrl", qrCodeUrl);
        mv.addObject("backupCodes", backupCodes);
        mv.addObject("returnTo", target);
        mv.addObject("errorMessage", error);
        return mv;
    }

    ModelAndView signedIn(SignInResult result, List<String> amr, String target, HttpServletResponse response) {
        String secret = browserSessions.bind(result, amr);
        Duration maxAge = result.session().rememberMe() ? Duration.between(clock.instant(), result.session().expiresAt()) : null;
        response.addHeader("Set-Cookie", BrowserCookies.session(HostedSecurity.SESSION_COOKIE, secret, hosted.secureCookies(), maxAge));
        return Browser.redirect(target != null ? target : AccountPageController.PATH);
    }

    /**
     * The second step. {@code smsHint} set: a code was just texted, so the page asks for it (method
     * {@code sms}); otherwise the authenticator code, with SMS and backup codes as alternatives.
     */
    ModelAndView mfaPage(String mfaToken, List<String> methods, String smsHint, String target, String error, HttpStatus status) {
        ModelAndView mv = new ModelAndView("hosted/mfa", status);
        mv.addObject("mfaToken", mfaToken);
        mv.addObject("methods", String.join(" ", methods));
        mv.addObject("totpAllowed", methods.contains(MfaMethods.TOTP));
        mv.addObject("backupAllowed", methods.contains(MfaMethods.BACKUP_CODE));
        mv.addObject("smsAllowed", methods.contains(MfaMethods.SMS));
        mv.addObject("smsHint", smsHint);
        mv.addObject("returnTo", target);
        mv.addObject("errorMessage", error);
        return mv;
    }

    /**
     * RFC 8176 authentication method references: the first factor ({@code pwd} for a password; a
     * password set through an invitation counts as one; a magic link proves the mailbox, which RFC 8176 has no value for, so Janua says {@code email}),
     * then the second factor passed, if any, and {@code mfa}.
     */
    static List<String> amr(String firstFactor, String secondFactor) {
        List<String> amr = new ArrayList<>();
        amr.add(firstFactor == null || "password".equals(firstFactor) || "invitation".equals(firstFactor) ? "pwd" : "magic_link".equals(firstFactor) ? "email" : "passkey".equals(firstFactor) ? "hwk" : firstFactor);
        if (secondFactor != null) {
            // a passkey is proof of possession of a hardware-held key (RFC 8176 "hwk")
            amr.add(MfaMethods.SMS.equals(secondFactor) ? "sms" : MfaMethods.PASSKEY.equals(secondFactor) ? "hwk" : "otp");
            amr.add("mfa");
        }
        return List.copyOf(amr);
    }

    String message(ErrorCode code, Locale locale) {
        return messages.getMessage("error." + code.name(), null, code.name(), locale);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
