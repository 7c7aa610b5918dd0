package dev.janua.server.hosted.web;

import dev.janua.server.auth.SignIns;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.magiclink.app.MagicLinkService;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Magic links in the browser: ask for one (the API's {@link MagicLinkService#send}, with its quota
 * and its same-answer-for-every-address), and land from the email. Landing does not spend the link:
 * mail scanners open links, so the page asks for a click, and only that POST signs in (through
 * {@link SignIns#finish}, so MFA, trusted devices and the session are the API's).
 */
@Controller
@HostedPages
@RequestMapping("/hosted")
public class HostedMagicLinkController {
    private final MagicLinkService links;
    private final SignIns signIns;
    private final BrowserSignIn signIn;

    public HostedMagicLinkController(MagicLinkService links, SignIns signIns, BrowserSignIn signIn) {
        this.links = links;
        this.signIns = signIns;
        this.signIn = signIn;
    }

    /** Without a token: the request form. With one (the emailed link): a "sign in" button carrying it in a hidden field. */
    @GetMapping("/magic-link")
    ModelAndView page(@RequestParam(required = false) String token) {
        if (token == null) return requestForm("", null, HttpStatus.OK);
        ModelAndView mv = new ModelAndView("hosted/magic-link-landing");
        mv.addObject("token", token);
        return mv;
    }

    @PostMapping("/magic-link")
    ModelAndView send(@RequestParam(defaultValue = "") String email, ClientInfo client, Locale locale) {
        if (email.isBlank()) {
            return requestForm(email, signIn.message(ErrorCode.VALIDATION_ERROR, locale), ErrorCode.VALIDATION_ERROR.status());
        }
        try {
            links.send(email.trim(), null, null, locale, client);
        } catch (JanuaException e) {
            return requestForm(email, signIn.message(e.code(), locale), e.code().status());
        }
        ModelAndView mv = HostedSelfServiceController.notice(signIn, locale, "hosted.magic.sent.title", "hosted.magic.sent.lead");
        mv.addObject("continueTo", HostedSecurity.SIGN_IN_PATH);
        return mv;
    }

    @PostMapping("/magic-link/sign-in")
    ModelAndView redeem(@RequestParam(defaultValue = "") String token,
                        @CookieValue(name = SecondFactors.DEVICE_COOKIE, required = false) String deviceToken,
                        ClientInfo client, HttpServletResponse response, Locale locale) {
        MagicLinkService.Redeemed redeemed;
        try {
            redeemed = links.redeem(token, client);
        } catch (JanuaException e) {
            ModelAndView mv = requestForm("", signIn.message(e.code(), locale), e.code().status());
            return mv;
        }
        return signIn.finish(signIns.finish(redeemed.user(), "magic_link", false, deviceToken, client), null, response, locale);
    }

    private ModelAndView requestForm(String email, String error, HttpStatus status) {
        ModelAndView mv = new ModelAndView("hosted/magic-link", status);
        mv.addObject("email", email);
        mv.addObject("errorMessage", error);
        return mv;
    }
}
