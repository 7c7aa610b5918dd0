package dev.janua.server.hosted;

import dev.janua.server.auth.SignInOutcome;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.web.servlet.ModelAndView;

/**
 * The browser end of a sign-in that another module verified (enterprise SSO's ACS, social login's
 * callback): a completed sign-in becomes the browser-session cookie and a redirect to
 * {@code returnTo} (when it is a safe local target, else the account page); a due second factor
 * becomes the hosted MFA page.
 */
public interface HostedSignIns {
    ModelAndView finish(SignInOutcome outcome, String returnTo, HttpServletResponse response, Locale locale);
}
