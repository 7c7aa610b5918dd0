package dev.janua.server.hosted.web;

import dev.janua.server.auth.SignInResult;
import dev.janua.server.auth.app.CredentialsService;
import dev.janua.server.auth.app.EmailVerificationService;
import dev.janua.server.auth.app.PasswordService;
import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.hosted.domain.ReturnTo;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sign-up, email verification, forgot and reset password: each form calls the very service the
 * JSON API calls ({@link CredentialsService#signUp}, {@link EmailVerificationService},
 * {@link PasswordService}), so the password policy, the rate limits, the tokens and the events
 * are the API's. Tokens that arrive in an emailed link are carried on in hidden fields; the pages
 * send {@code Referrer-Policy: no-referrer}, so the link's token never leaves in a Referer.
 */
@Controller
@HostedPages
@RequestMapping("/hosted")
public class HostedSelfServiceController {
    private final CredentialsService credentials;
    private final EmailVerificationService verification;
    private final PasswordService passwords;
    private final BrowserSignIn signIn;

    public HostedSelfServiceController(CredentialsService credentials, EmailVerificationService verification, PasswordService passwords,
                                       BrowserSignIn signIn) {
        this.credentials = credentials;
        this.verification = verification;
        this.passwords = passwords;
        this.signIn = signIn;
    }

    @GetMapping("/sign-up")
    ModelAndView signUpPage(@RequestParam(name = "return_to", required = false) String returnTo) {
        String target = ReturnTo.safe(returnTo).orElse(null);
        if (Browser.current() != null) return Browser.redirect(target != null ? target : AccountPageController.PATH);
        return signUpForm(target, "", "", "", null, HttpStatus.OK);
    }

    /** Signs up and in (as {@code POST /auth/signup} does); the verification email is sent in the same transaction. */
    @PostMapping("/sign-up")
    ModelAndView signUp(@RequestParam(name = "first_name", defaultValue = "") String firstName,
                        @RequestParam(name = "last_name", defaultValue = "") String lastName,
                        @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                        @RequestParam(name = "return_to", required = false) String returnTo,
                        ClientInfo client, HttpServletResponse response, Locale locale) {
        String target = ReturnTo.safe(returnTo).orElse(null);
        SignInResult result;
        try {
            if (email.isBlank() || password.isEmpty()) {
                throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", email.isBlank() ? "email" : "password"));
            }
            result = credentials.signUp(new CredentialsService.SignUp(email.trim(), password, blankToNull(firstName), blankToNull(lastName),
                    null, null, locale), client);
        } catch (JanuaException e) {
            return signUpForm(target, firstName, lastName, email, signIn.message(e.code(), locale), e.code().status());
        }
        signIn.signedIn(result, List.of("pwd"), target, response);
        if (result.user().emailVerified()) return Browser.redirect(target != null ? target : AccountPageController.PATH);
        // the verification step: the person is signed in, and told to open the link we just mailed
        ModelAndView mv = notice(locale, "hosted.signup.check.title", "hosted.signup.check.lead", result.user().email());
        mv.addObject("continueTo", target != null ? target : AccountPageController.PATH);
        mv.addObject("resend", true);
        return mv;
    }

    /** The link in the verification email: the token is the proof, spent here (as {@code GET /auth/verify-email}). */
    @GetMapping("/verify-email")
    ModelAndView verifyEmail(@RequestParam(defaultValue = "") String token, ClientInfo client, Locale locale) {
        ModelAndView page = verifyEmailPage(token, client, locale);
        page.addObject(LanguageLinks.ATTRIBUTE, "?"); // the token is spent: switching language must not replay it
        return page;
    }

    private ModelAndView verifyEmailPage(String token, ClientInfo client, Locale locale) {
        try {
            verification.confirm(token, client);
        } catch (JanuaException e) {
            ModelAndView mv = notice(locale, "hosted.verify.failed.title", null);
            mv.setStatus(e.code().status());
            mv.addObject("errorMessage", signIn.message(e.code(), locale));
            if (Browser.current() != null) mv.addObject("resend", true);
            return mv;
        }
        ModelAndView mv = notice(locale, "hosted.verify.done.title", "hosted.verify.done.lead");
        mv.addObject("continueTo", Browser.current() != null ? AccountPageController.PATH : HostedSecurity.SIGN_IN_PATH);
        return mv;
    }

    /** A fresh verification email for the signed-in person (the API's limit: 5 per hour per address). */
    @PostMapping("/verify-email/resend")
    ModelAndView resendVerification(HttpServletRequest request, Locale locale) {
        BrowserAuthentication me = Browser.current();
        if (me == null) return Browser.redirect(HostedSecurity.signInUrl(request));
        ModelAndView mv;
        try {
            verification.send(me.userId(), locale);
            mv = notice(locale, "hosted.verify.sent.title", "hosted.verify.sent.lead");
        } catch (JanuaException e) {
            mv = notice(locale, "hosted.verify.failed.title", null);
            mv.setStatus(e.code().status());
            mv.addObject("errorMessage", signIn.message(e.code(), locale));
        }
        mv.addObject("continueTo", AccountPageController.PATH);
        return mv;
    }

    @GetMapping("/forgot-password")
    ModelAndView forgotPage() {
        return forgotForm("", null, HttpStatus.OK);
    }

    /** Same answer whether or not the address has an account ({@link PasswordService#forgot} does the same work either way). */
    @PostMapping("/forgot-password")
    ModelAndView forgot(@RequestParam(defaultValue = "") String email, Locale locale) {
        if (email.isBlank()) {
            return forgotForm(email, signIn.message(ErrorCode.VALIDATION_ERROR, locale), ErrorCode.VALIDATION_ERROR.status());
        }
        try {
            passwords.forgot(email.trim(), locale);
        } catch (JanuaException e) {
            return forgotForm(email, signIn.message(e.code(), locale), e.code().status());
        }
        ModelAndView mv = notice(locale, "hosted.forgot.sent.title", "hosted.forgot.sent.lead");
        mv.addObject("continueTo", HostedSecurity.SIGN_IN_PATH);
        return mv;
    }

    /** The link in the reset email: a form, the token in a hidden field; nothing is spent until it is posted. */
    @GetMapping("/reset-password")
    ModelAndView resetPage(@RequestParam(defaultValue = "") String token) {
        return resetForm(token, null, HttpStatus.OK);
    }

    @PostMapping("/reset-password")
    ModelAndView reset(@RequestParam(defaultValue = "") String token, @RequestParam(name = "new_password", defaultValue = "") String newPassword,
                       @RequestParam(name = "confirm_password", defaultValue = "") String confirmPassword,
                       ClientInfo client, Locale locale) {
        if (!newPassword.equals(confirmPassword)) {
            return resetForm(token, signIn.text("hosted.password.mismatch", locale), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            passwords.reset(token, newPassword, client);
        } catch (JanuaException e) {
            return resetForm(token, signIn.message(e.code(), locale), e.code().status());
        }
        // a reset ends every session, the browser's included: sign in again with the new password
        ModelAndView mv = notice(locale, "hosted.reset.done.title", "hosted.reset.done.lead");
        mv.addObject("continueTo", HostedSecurity.SIGN_IN_PATH);
        return mv;
    }

    /** A page with a title, a sentence and a "continue" link: the end of most self-service steps. */
    static ModelAndView notice(BrowserSignIn signIn, Locale locale, String title, String lead, Object... args) {
        ModelAndView mv = new ModelAndView("hosted/notice");
        mv.addObject("title", signIn.text(title, locale));
        mv.addObject("lead", lead == null ? null : signIn.text(lead, locale, args));
        return mv;
    }

    private ModelAndView notice(Locale locale, String title, String lead, Object... args) {
        return notice(signIn, locale, title, lead, args);
    }

    private ModelAndView signUpForm(String target, String firstName, String lastName, String email, String error, HttpStatus status) {
        ModelAndView mv = new ModelAndView("hosted/sign-up", status);
        mv.addObject("returnTo", target);
        mv.addObject("firstName", firstName);
        mv.addObject("lastName", lastName);
        mv.addObject("email", email);
        mv.addObject("errorMessage", error);
        return mv;
    }

    private ModelAndView forgotForm(String email, String error, HttpStatus status) {
        ModelAndView mv = new ModelAndView("hosted/forgot-password", status);
        mv.addObject("email", email);
        mv.addObject("errorMessage", error);
        return mv;
    }

    private ModelAndView resetForm(String token, String error, HttpStatus status) {
        ModelAndView mv = new ModelAndView("hosted/reset-password", status);
        mv.addObject("token", token);
        mv.addObject("errorMessage", error);
        return mv;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
