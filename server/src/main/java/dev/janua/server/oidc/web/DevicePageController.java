package dev.janua.server.oidc.web;

import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.oidc.domain.UserCodes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The page a person opens on their phone or computer to connect a device (RFC 8628 §3.3): the
 * device shows {@code verification_uri} and a user code; here the signed-in person types the code
 * (or arrives with it from {@code verification_uri_complete}) and the form sends it to the
 * verification endpoint, which asks for consent when the application needs it. The endpoint sends
 * the browser back here with {@code done} or an {@code error} to show.
 */
@Controller
@HostedPages
public class DevicePageController {
    public static final String PATH = "/hosted/device";
    /** The errors this page explains; anything else is shown as an invalid code. */
    private static final Set<String> KNOWN_ERRORS = Set.of(OAuth2ErrorCodes.INVALID_GRANT, OAuth2ErrorCodes.ACCESS_DENIED);

    @GetMapping(PATH)
    ModelAndView device(@RequestParam(name = "user_code", required = false) String userCode,
                        @RequestParam(required = false) String done, @RequestParam(required = false) String error,
                        HttpServletRequest request) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof BrowserAuthentication)) {
            RedirectView toSignIn = new RedirectView(HostedSecurity.signInUrl(request), true, false);
            toSignIn.setExpandUriTemplateVariables(false);
            toSignIn.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(toSignIn);
        }
        ModelAndView mv = new ModelAndView("hosted/device");
        mv.addObject("done", done != null);
        mv.addObject("userCode", userCode == null ? "" : UserCodes.normalise(userCode.strip()));
        if (error != null) {
            mv.addObject("errorKey", "hosted.device.error." + (KNOWN_ERRORS.contains(error) ? error : OAuth2ErrorCodes.INVALID_GRANT));
            mv.setStatus(HttpStatus.BAD_REQUEST);
        }
        return mv;
    }

    /** The OAuth error code of a failed verification, for the redirect back to this page (never free text). */
    static String errorOf(AuthenticationException failed) {
        String code = failed instanceof OAuth2AuthenticationException e ? e.getError().getErrorCode() : OAuth2ErrorCodes.INVALID_GRANT;
        return KNOWN_ERRORS.contains(code) ? code : OAuth2ErrorCodes.INVALID_GRANT;
    }
}
