package dev.janua.server.oidc.web;

import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.hosted.HostedPages;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.themes.web.HostedTheme;
import dev.janua.server.users.UserDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The consent page the authorization endpoint sends a person to (OIDC Core §3.1.2.4). Its form
 * posts back to {@code /oauth2/authorize} with the authorization's {@code state}, which the server
 * bound to this person, and the CSRF token (checked there too). For a device (RFC 8628) it posts to
 * {@code /oauth2/device_verification} with the user code instead.
 */
@Controller
@HostedPages
public class ConsentPageController {
    public static final String PATH = "/hosted/consent";
    private final RegisteredClientRepository clients;
    private final OAuth2AuthorizationConsentService consents;
    private final UserDirectory users;

    public ConsentPageController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents, UserDirectory users) {
        this.clients = clients;
        this.consents = consents;
        this.users = users;
    }

    @GetMapping(PATH)
    ModelAndView consent(@RequestParam(name = "client_id") String clientId, @RequestParam(defaultValue = "") String scope,
                         @RequestParam String state, @RequestParam(name = "user_code", required = false) String userCode,
                         HttpServletRequest request) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (!(a instanceof BrowserAuthentication me)) return new ModelAndView(new RedirectView(HostedSecurity.SIGN_IN_PATH, true));
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) throw dev.janua.server.platform.errors.JanuaException.of(
                dev.janua.server.platform.errors.ErrorCode.NOT_FOUND, "resource", "application");
        OAuth2AuthorizationConsent previous = consents.findById(client.getId(), me.userId());
        Set<String> granted = previous == null ? Set.of() : previous.getScopes();
        List<String> toApprove = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (String s : Arrays.stream(scope.split(" ")).filter(x -> !x.isBlank()).distinct().toList()) {
            if (OidcScopes.OPENID.equals(s)) continue; // approved with any other scope, needs no question
            (granted.contains(s) ? already : toApprove).add(s);
        }
        ModelAndView mv = new ModelAndView("hosted/consent");
        mv.addObject("clientId", clientId);
        mv.addObject("appName", client.getClientName());
        mv.addObject(HostedTheme.CLIENT, client.getClientId()); // a registered client, looked up above
        mv.addObject("state", state);
        // a device's consent (RFC 8628) goes back to the verification endpoint with its user code
        mv.addObject("userCode", userCode);
        mv.addObject("action", userCode == null ? "/oauth2/authorize" : "/oauth2/device_verification");
        mv.addObject("scopes", toApprove);
        mv.addObject("granted", already);
        mv.addObject("userEmail", users.findById(me.userId()).map(u -> u.email()).orElse(""));
        return mv;
    }
}
