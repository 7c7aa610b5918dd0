package dev.janua.server.sso.web;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.hosted.HostedSecurity;
import dev.janua.server.hosted.HostedSignIns;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.sso.app.OidcSsoSignIn;
import dev.janua.server.sso.web.SsoRequests.StartBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * OIDC enterprise connections: login (authorization request, browser-binding cookie), callback
 * (code exchange, ID token, provisioning, session) and {@code POST /sso/oidc} (seed 001). Anonymous:
 * the proof at the callback is the state with its browser cookie and the provider-signed ID token.
 */
@JanuaApi
@Tag(name = "Enterprise SSO")
public class OidcSsoController {
    private final OidcSsoSignIn oidc;
    private final SamlController saml;
    private final HostedSignIns hosted;
    private final boolean secure;
    private final Clock clock;

    public OidcSsoController(OidcSsoSignIn oidc, SamlController saml, HostedSignIns hosted, HostedSecurity hostedSecurity, Clock clock) {
        this.oidc = oidc;
        this.saml = saml;
        this.hosted = hosted;
        this.secure = hostedSecurity.secureCookies();
        this.clock = clock;
    }

    @GetMapping("/sso/oidc/{organizationId}/login")
    @Operation(summary = "Start an OIDC sign-in at the organization's provider (state bound to this browser, nonce, PKCE S256)")
    public ModelAndView login(@PathVariable String organizationId, @RequestParam(name = "RelayState", required = false) String relayState,
                              @RequestParam(name = "return_to", required = false) String returnTo, HttpServletResponse response) {
        OidcSsoSignIn.Begun b = oidc.start(organizationId, relayState != null ? relayState : returnTo);
        response.addHeader("Set-Cookie", ResponseCookie.from(b.cookieName(), b.cookieValue()).httpOnly(true).secure(secure).sameSite("Lax")
                .path("/").maxAge(Duration.between(clock.instant(), b.expiresAt())).build().toString());
        response.setHeader("Cache-Control", "no-store");
        RedirectView v = new RedirectView(b.authorizationUrl(), false, false);
        v.setExpandUriTemplateVariables(false);
        v.setStatusCode(HttpStatus.FOUND);
        return new ModelAndView(v);
    }

    @GetMapping("/sso/oidc/{organizationId}/callback")
    @Operation(summary = "The provider's redirect back: validates state, code and ID token, provisions the member, starts the session")
    public ModelAndView callback(@PathVariable String organizationId, @RequestParam(required = false) String code,
                                 @RequestParam(required = false) String state, @RequestParam(required = false) String error,
                                 @CookieValue(name = dev.janua.server.mfa.SecondFactors.DEVICE_COOKIE, required = false) String deviceToken,
                                 ClientInfo client, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        clearBindingCookies(request, response);
        OidcSsoSignIn.Finished done = oidc.finish(organizationId, code, state, error, name -> cookie(request, name), deviceToken, client);
        if (done.outcome() instanceof SignInOutcome.SecondFactorRequired s && !s.enrollment()) {
            return saml.secondFactor(s, done.relayState(), response);
        }
        return hosted.finish(done.outcome(), done.relayState(), response, locale);
    }

    @PostMapping("/sso/oidc")
    @Operation(summary = "Start an OIDC sign-in without a redirect: the URL to send the browser to (organizationId, or an email's verified domain)")
    public Map<String, Object> start(@RequestBody StartBody body) {
        String org = saml.organizationOf(body);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("organizationId", org);
        out.put("protocol", "oidc");
        // Janua's own login URL: navigating there sets the browser-binding cookie the callback checks
        out.put("redirectUrl", "/api/v1/sso/oidc/" + org + "/login"
                + (body.relayState() == null ? "" : "?RelayState=" + URLEncoder.encode(body.relayState(), StandardCharsets.UTF_8)));
        return out;
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) if (c.getName().equals(name)) return c.getValue();
        return null;
    }

    private void clearBindingCookies(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return;
        for (Cookie c : cookies) {
            if (c.getName().startsWith("janua_fed_")) {
                response.addHeader("Set-Cookie", ResponseCookie.from(c.getName(), "").httpOnly(true).secure(secure).sameSite("Lax")
                        .path("/").maxAge(0).build().toString());
            }
        }
    }
}
