package dev.janua.server.hosted.web;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.hosted.domain.ReturnTo;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.passkeys.PasskeyOptions;
import dev.janua.server.passkeys.Passkeys;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

/**
 * Passkeys on the hosted pages (their script is {@code /hosted/assets/passkeys.js}): sign-in with
 * the assertion the page's script obtained (button or autofill), and the account page's add,
 * rename and remove. The ceremonies are the API's own ({@link Passkeys}); the sign-in ends like
 * every hosted way in ({@link BrowserSignIn}).
 */
@Controller
@HostedPages
@RequestMapping("/hosted")
public class HostedPasskeyController {
    private final Passkeys passkeys;
    private final BrowserSignIn signIn;
    private final AccountPageController page;

    public HostedPasskeyController(Passkeys passkeys, BrowserSignIn signIn, AccountPageController page) {
        this.passkeys = passkeys;
        this.signIn = signIn;
        this.page = page;
    }

    @PostMapping("/sign-in/passkey")
    ModelAndView signIn(@RequestParam(defaultValue = "") String credential,
                        @RequestParam(name = "remember_me", defaultValue = "false") boolean rememberMe,
                        @RequestParam(name = "return_to", required = false) String returnTo,
                        @CookieValue(name = SecondFactors.DEVICE_COOKIE, required = false) String deviceToken,
                        ClientInfo client, HttpServletResponse response, Locale locale) {
        String target = ReturnTo.safe(returnTo).orElse(null);
        Passkeys.SignedIn done;
        try {
            done = passkeys.signIn(credential, rememberMe, deviceToken, client);
        } catch (JanuaException e) {
            ModelAndView mv = new ModelAndView("hosted/sign-in", e.code().status());
            mv.addObject("returnTo", target);
            mv.addObject("email", "");
            mv.addObject("errorMessage", signIn.message(e.code(), locale));
            return mv;
        }
        if (done.outcome() instanceof SignInOutcome.Completed c) return signIn.signedIn(c.result(), done.amr(), target, response);
        return signIn.finish(done.outcome(), target, response, locale);
    }

    /** Creation options for the signed-in person, fetched by the account page's script (CSRF token in the form body). */
    @PostMapping("/account/passkeys/options")
    @ResponseBody
    ResponseEntity<?> registrationOptions(ClientInfo client) {
        BrowserAuthentication me = Browser.current();
        if (me == null) return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        PasskeyOptions.Creation options = passkeys.registrationOptions(me.userId(), Passkeys.Preferences.DEFAULT, client);
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(options);
    }

    @PostMapping("/account/passkeys")
    ModelAndView register(@RequestParam(defaultValue = "") String credential, @RequestParam(defaultValue = "") String name,
                          HttpServletRequest request, ClientInfo client, Locale locale) {
        return act(request, locale, "passkey_added", me -> passkeys.register(me.userId(), credential, name, client));
    }

    @PostMapping("/account/passkeys/{id}/rename")
    ModelAndView rename(@PathVariable String id, @RequestParam(defaultValue = "") String name, HttpServletRequest request,
                        ClientInfo client, Locale locale) {
        return act(request, locale, "passkey_renamed", me -> passkeys.rename(me.userId(), id, name, client));
    }

    @PostMapping("/account/passkeys/{id}/remove")
    ModelAndView remove(@PathVariable String id, HttpServletRequest request, ClientInfo client, Locale locale) {
        return act(request, locale, "passkey_removed", me -> passkeys.delete(me.userId(), id, client));
    }

    /** Signed in: do it, then back to the page (a reload posts nothing twice); refused: the page with the reason. */
    private ModelAndView act(HttpServletRequest request, Locale locale, String done, Consumer<BrowserAuthentication> action) {
        BrowserAuthentication me = Browser.current();
        if (me == null) return Browser.redirect(HostedSecurity.signInUrl(request));
        try {
            action.accept(me);
        } catch (JanuaException e) {
            ErrorCode code = e.code();
            return page.render(me, signIn.message(code, locale), code.status());
        }
        return Browser.redirect(AccountPageController.PATH + "?done=" + done);
    }
}
