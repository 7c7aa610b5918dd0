package dev.janua.server.hosted.web;

import dev.janua.server.auth.SignIns;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.hosted.domain.ReturnTo;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.social.SocialLogins;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Sign in with …" on the hosted pages: the button starts the provider round trip (binding cookie +
 * redirect), and the callback comes back here with a one-time code that becomes the browser
 * session through the same finish as a password sign-in ({@link SignIns}, {@link BrowserSignIn}:
 * MFA when due, then the session cookie).
 */
@Controller
@HostedPages
@RequestMapping("/hosted/oauth")
public class HostedSocialController {
    private final SocialLogins social;
    private final SignIns signIns;
    private final BrowserSignIn signIn;
    private final HostedSecurity hosted;
    private final MessageSource messages;
    private final Clock clock;

    public HostedSocialController(SocialLogins social, SignIns signIns, BrowserSignIn signIn, HostedSecurity hosted, MessageSource messages,
                                  Clock clock) {
        this.social = social;
        this.signIns = signIns;
        this.signIn = signIn;
        this.hosted = hosted;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/complete")
    ModelAndView complete(@RequestParam(required = false) String code, @RequestParam(required = false) String error,
                          @CookieValue(name = SecondFactors.DEVICE_COOKIE, required = false) String deviceToken,
                          ClientInfo client, HttpServletResponse response, Locale locale) {
        if (code == null) return failure(error, locale);
        try {
            SocialLogins.Redeemed r = social.redeemForBrowser(code);
            String target = ReturnTo.safe(r.returnTo()).orElse(null);
            return signIn.finish(signIns.finish(r.user(), "social", false, deviceToken, client), target, response, locale);
        } catch (JanuaException e) {
            return failure(e.code().name(), locale);
        }
    }

    @GetMapping("/{provider}")
    ModelAndView start(@PathVariable String provider, @RequestParam(name = "return_to", required = false) String returnTo,
                       @RequestParam(name = "organization_id", required = false) String organizationId,
                       HttpServletResponse response, Locale locale) {
        try {
            SocialLogins.Started s = social.startForBrowser(provider,
                    organizationId == null || organizationId.isBlank() ? null : organizationId.trim(), ReturnTo.safe(returnTo).orElse(null));
            response.addHeader("Set-Cookie", ResponseCookie.from(s.cookieName(), s.cookieValue()).httpOnly(true).secure(hosted.secureCookies())
                    .sameSite("Lax").path("/").maxAge(Duration.between(clock.instant(), s.expiresAt())).build().toString());
            response.setHeader("Cache-Control", "no-store");
            ModelAndView mv = new ModelAndView("redirect:" + s.authorizationUrl());
            mv.setStatus(HttpStatus.FOUND);
            return mv;
        } catch (JanuaException e) {
            return failure(e.code().name(), locale);
        }
    }

    private ModelAndView failure(String code, Locale locale) {
        ErrorCode known = code == null ? ErrorCode.OAUTH_CALLBACK_FAILED
                : Arrays.stream(ErrorCode.values()).filter(c -> c.name().equals(code)).findFirst().orElse(ErrorCode.OAUTH_CALLBACK_FAILED);
        return HostedErrorController.page(messages, locale, known.name(), null, known.status().is5xxServerError()
                ? HttpStatus.BAD_GATEWAY : known.status());
    }
}
