package dev.janua.server.sso.web;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.hosted.HostedSignIns;
import dev.janua.server.hosted.domain.ReturnTo;
import dev.janua.server.sso.SsoEnforcement;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Home-realm discovery on the hosted pages: the visitor gives an email, its verified domain names
 * the organization, and the browser goes to that organization's IdP (the return target travels as
 * RelayState and is checked again at the end). Also the MFA step of an SSO sign-in, which must be
 * rendered in the hosted chain (its form carries a CSRF token).
 */
@Controller
@HostedPages
@RequestMapping("/hosted")
public class HostedSsoController {
    static final String MFA_PATH = "/hosted/sso/mfa";
    private final SsoEnforcement realms;
    private final HostedSignIns signIns;
    private final HostedSecurity hosted;
    private final MessageSource messages;

    public HostedSsoController(SsoEnforcement realms, HostedSignIns signIns, HostedSecurity hosted, MessageSource messages) {
        this.realms = realms;
        this.signIns = signIns;
        this.hosted = hosted;
        this.messages = messages;
    }

    @GetMapping("/sso")
    ModelAndView page(@RequestParam(name = "return_to", required = false) String returnTo) {
        return form("", ReturnTo.safe(returnTo).orElse(null), null, HttpStatus.OK);
    }

    @PostMapping("/sso")
    ModelAndView discover(@RequestParam(defaultValue = "") String email, @RequestParam(name = "return_to", required = false) String returnTo,
                          Locale locale) {
        String target = ReturnTo.safe(returnTo).orElse(null);
        return realms.realmOf(email.trim()).map(r -> redirectTo(r, target))
                .orElseGet(() -> form(email, target, messages.getMessage("error.SSO_NOT_CONFIGURED", null, "SSO_NOT_CONFIGURED", locale),
                        HttpStatus.NOT_FOUND));
    }

    /** Where the IdP of this realm is entered, resuming {@code target} afterwards. */
    public static ModelAndView redirectTo(SsoEnforcement.Realm realm, String target) {
        String url = realm.loginPath() + (target == null ? "" : "?RelayState=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        RedirectView v = new RedirectView(url, true, false);
        v.setStatusCode(HttpStatus.SEE_OTHER);
        v.setExpandUriTemplateVariables(false);
        return new ModelAndView(v);
    }

    /** The second factor of an SSO sign-in: the ACS left the challenge in a short-lived cookie scoped to this path. */
    @GetMapping("/sso/mfa")
    ModelAndView mfa(@CookieValue(name = SamlController.MFA_COOKIE, required = false) String pending, HttpServletResponse response,
                     Locale locale) {
        response.addHeader("Set-Cookie", ResponseCookie.from(SamlController.MFA_COOKIE, "").httpOnly(true).secure(hosted.secureCookies())
                .sameSite("Lax").path("/hosted/sso").maxAge(0).build().toString());
        if (pending == null) return new ModelAndView(new RedirectView(HostedSecurity.SIGN_IN_PATH, true, false));
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(pending), StandardCharsets.UTF_8).split("\\|", 3);
        } catch (IllegalArgumentException e) {
            return new ModelAndView(new RedirectView(HostedSecurity.SIGN_IN_PATH, true, false));
        }
        if (parts.length < 2) return new ModelAndView(new RedirectView(HostedSecurity.SIGN_IN_PATH, true, false));
        List<String> methods = Arrays.stream(parts[1].split(" ")).filter(m -> !m.isBlank()).toList();
        String target = parts.length == 3 && !parts[2].isEmpty() ? parts[2] : null;
        // display only: the challenge behind the token decides which methods it accepts
        return signIns.finish(new SignInOutcome.SecondFactorRequired(parts[0], methods, null, false), target, response, locale);
    }

    private static ModelAndView form(String email, String target, String error, HttpStatus status) {
        ModelAndView mv = new ModelAndView("hosted/sso", status);
        mv.addObject("email", email);
        mv.addObject("returnTo", target);
        mv.addObject("errorMessage", error);
        return mv;
    }
}
