package dev.janua.server.console.web;

import dev.janua.server.console.ConsoleProperties;
import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.mfa.app.MfaAccountService;
import dev.janua.server.users.UserDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the console sends a signed-in person whose sign-in had no second factor when the deployment
 * requires one ({@code JANUA_CONSOLE_REQUIRE_MFA}): without a factor, to set up an authenticator app
 * on the account page first; with one, to verify it (the hosted sign-in again, password then code),
 * which returns to the console page they asked for. Not a {@code @ConsolePages} controller: it is
 * the one console page the MFA gate lets through, and it shows nothing of the console.
 */
@Controller
public class ConsoleMfaController {
    static final String PATH = "/console/mfa";
    private final ConsoleProperties properties;
    private final MfaAccountService mfa;
    private final UserDirectory users;

    public ConsoleMfaController(ConsoleProperties properties, MfaAccountService mfa, UserDirectory users) {
        this.properties = properties;
        this.mfa = mfa;
        this.users = users;
    }

    @GetMapping(PATH)
    ModelAndView page(@RequestParam(name = "return_to", required = false) String returnTo) {
        String target = Console.isConsolePath(returnTo) && !returnTo.startsWith(PATH) ? returnTo : "/console";
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (!(a instanceof BrowserAuthentication who)) return Console.redirect("/hosted/sign-in", Map.of("return_to", target));
        if (!properties.requireMfa() || who.amr().contains("mfa")) return Console.redirect(target);
        MfaAccountService.Status status = mfa.status(who.userId());
        ModelAndView mv = new ModelAndView("console/mfa");
        mv.addObject("enrolled", status.totpEnabled() || status.smsPhoneHint() != null);
        mv.addObject("email", users.findById(who.userId()).map(u -> u.email()).orElse(""));
        mv.addObject("returnTo", target);
        mv.addObject("here", PATH + "?return_to=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        return mv;
    }
}
