package dev.janua.server.hosted.web;

import dev.janua.server.auth.app.PasswordService;
import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.mfa.app.MfaAccountService;
import dev.janua.server.mfa.app.TrustedDeviceService;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.ProfileChange;
import dev.janua.server.users.UserDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The account page's forms. Each calls the service behind the matching API endpoint: profile
 * ({@code PATCH /users/me}), password ({@code POST /users/me/password}: the current password is
 * checked by the same counted check as sign-in, and the other sessions end), authenticator set-up
 * and confirmation ({@code /mfa/setup}, {@code /mfa/verify}), turning MFA off with the password
 * ({@code /mfa/disable}) and untrusting a device ({@code DELETE /mfa/devices/{id}}). A success
 * redirects to the page (so a reload posts nothing twice); a failure shows the page with the reason.
 */
@Controller
@HostedPages
@RequestMapping("/hosted/account")
public class AccountSettingsController {
    private final AccountPageController page;
    private final UserDirectory users;
    private final PasswordService passwords;
    private final MfaAccountService mfa;
    private final TrustedDeviceService devices;
    private final BrowserSignIn signIn;

    public AccountSettingsController(AccountPageController page, UserDirectory users, PasswordService passwords, MfaAccountService mfa,
                                     TrustedDeviceService devices, BrowserSignIn signIn) {
        this.page = page;
        this.users = users;
        this.passwords = passwords;
        this.mfa = mfa;
        this.devices = devices;
        this.signIn = signIn;
    }

    @PostMapping("/profile")
    ModelAndView profile(@RequestParam(name = "first_name", defaultValue = "") String firstName,
                         @RequestParam(name = "last_name", defaultValue = "") String lastName,
                         HttpServletRequest request, ClientInfo client, Locale locale) {
        return act(request, locale, "profile", me -> users.updateProfile(me.userId(),
                new ProfileChange(firstName.trim(), lastName.trim(), null, null, null, null, null, null, null), client));
    }

    @PostMapping("/password")
    ModelAndView password(@RequestParam(name = "current_password", defaultValue = "") String currentPassword,
                          @RequestParam(name = "new_password", defaultValue = "") String newPassword,
                          @RequestParam(name = "confirm_password", defaultValue = "") String confirmPassword,
                          HttpServletRequest request, ClientInfo client, Locale locale) {
        return act(request, locale, "password", me -> {
            if (!newPassword.equals(confirmPassword)) throw new Mismatch();
            passwords.change(me.userId(), me.sessionId(), currentPassword, newPassword, true, client);
        });
    }

    /** Starts (or restarts) authenticator set-up: the secret, its QR code and the backup codes, shown once. */
    @PostMapping("/mfa/totp")
    ModelAndView startTotp(HttpServletRequest request, ClientInfo client, Locale locale) {
        BrowserAuthentication me = Browser.current();
        if (me == null) return Browser.redirect(HostedSecurity.signInUrl(request));
        MfaAccountService.TotpSetup setup;
        try {
            setup = mfa.setupTotp(me.userId(), client);
        } catch (JanuaException e) {
            return page.render(me, signIn.message(e.code(), locale), e.code().status());
        }
        return totpPage(setup.secret(), setup.qrCodeUrl(), setup.backupCodes(), null, HttpStatus.OK);
    }

    /** A code from the app confirms the pending secret: MFA is on. A wrong code shows the set-up page again (same secret). */
    @PostMapping("/mfa/totp/confirm")
    ModelAndView confirmTotp(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String secret,
                             HttpServletRequest request, ClientInfo client, Locale locale) {
        BrowserAuthentication me = Browser.current();
        if (me == null) return Browser.redirect(HostedSecurity.signInUrl(request));
        if (mfa.status(me.userId()).totpEnabled()) return Browser.redirect(AccountPageController.PATH);
        try {
            mfa.verify(me.userId(), code.replace(" ", ""), client);
        } catch (JanuaException e) {
            // the secret came back from the form only to be shown again; the stored pending one is what the code is checked against
            return totpPage(secret, null, null, signIn.message(e.code(), locale), e.code().status());
        }
        return Browser.redirect(AccountPageController.PATH + "?done=mfa_enabled");
    }

    @PostMapping("/mfa/disable")
    ModelAndView disableMfa(@RequestParam(defaultValue = "") String password, HttpServletRequest request, ClientInfo client,
                            Locale locale) {
        return act(request, locale, "mfa_disabled", me -> {
            if (password.isEmpty()) throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "password", "reason", "required"));
            mfa.disable(me.userId(), password, null, client);
        });
    }

    @PostMapping("/devices/{id}/revoke")
    ModelAndView revokeDevice(@PathVariable String id, HttpServletRequest request, ClientInfo client, Locale locale) {
        return act(request, locale, "device_revoked", me -> devices.revoke(me.userId(), id, client));
    }

    private interface Action {
        void run(BrowserAuthentication me);
    }

    /** The two new passwords differ: said before any check runs. */
    private static final class Mismatch extends RuntimeException {
        Mismatch() {
            super(null, null, false, false);
        }
    }

    private ModelAndView act(HttpServletRequest request, Locale locale, String done, Action action) {
        BrowserAuthentication me = Browser.current();
        if (me == null) return Browser.redirect(HostedSecurity.signInUrl(request));
        try {
            action.run(me);
        } catch (Mismatch m) {
            return page.render(me, signIn.text("hosted.password.mismatch", locale), HttpStatus.UNPROCESSABLE_CONTENT);
        } catch (JanuaException e) {
            return page.render(me, signIn.message(e.code(), locale), e.code().status());
        }
        return Browser.redirect(AccountPageController.PATH + "?done=" + done);
    }

    private ModelAndView totpPage(String secret, String qrCodeUrl, java.util.List<String> backupCodes, String error, HttpStatus status) {
        ModelAndView mv = new ModelAndView("hosted/mfa-setup", status);
        mv.addObject("secret", secret);
        mv.addObject("qrCodeUrl", qrCodeUrl);
        mv.addObject("backupCodes", backupCodes);
        mv.addObject("errorMessage", error);
        return mv;
    }
}
