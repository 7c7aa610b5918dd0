package dev.janua.server.hosted;

import dev.janua.server.hosted.app.BrowserSessions;
import dev.janua.server.hosted.domain.ReturnTo;
import dev.janua.server.hosted.web.BrowserSessionFilter;
import dev.janua.server.hosted.web.HostedLocaleFilter;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.hosted.web.HostedErrorController;
import dev.janua.server.platform.web.ClientInfo;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.stereotype.Component;

/**
 * What every browser-facing filter chain shares (the hosted pages' own chain and the OpenID
 * Provider's): the session cookie → {@link BrowserAuthentication}, the language override, the CSRF
 * token store, the page headers, and the "sign in first" redirect.
 */
@Component
public class HostedSecurity {
    public static final String SESSION_COOKIE = "janua_session";
    public static final String CSRF_COOKIE = "janua_csrf";
    public static final String SIGN_IN_PATH = "/hosted/sign-in";
    /** Query parameter of {@link #SIGN_IN_PATH}: show the form even when signed in (an application asked for a fresh sign-in). */
    public static final String SIGN_IN_AGAIN = "reauth";
    /**
     * No inline script or style anywhere; {@code form-action} is left out on purpose: a signed-in
     * form post is answered by a redirect to the application's registered redirect URI, which
     * browsers check against form-action too.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final BrowserSessions sessions;
    private final PublicUrl publicUrl;
    private final CookieCsrfTokenRepository csrfTokens;

    public HostedSecurity(BrowserSessions sessions, PublicUrl publicUrl) {
        this.sessions = sessions;
        this.publicUrl = publicUrl;
        // double-submit cookie: no server-side HTTP session is ever needed, so any node can check the token
        this.csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setCookiePath("/");
        csrfTokens.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax").secure(secureCookies()));
    }

    public CsrfTokenRepository csrfTokens() {
        return csrfTokens;
    }

    /** Secure cookies whenever the public base URL is https (behind a TLS-terminating proxy the request itself is plain). */
    public boolean secureCookies() {
        return publicUrl.base().startsWith("https:");
    }

    /**
     * What every chain of browser pages sets: CSRF by the double-submit cookie, the authentication
     * kept for this request only (the cookie filter authenticates every request afresh; a session
     * strategy would rotate the CSRF token on every signed-in request, breaking a second tab), and no
     * HTTP session, request cache, basic auth, login form, logout filter or anonymous user.
     */
    public HttpSecurity browserPages(HttpSecurity http) throws Exception {
        return http.csrf(c -> c.csrfTokenRepository(csrfTokens))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.disable())
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable());
    }

    /** Adds the cookie authentication, the {@code ?lang=} override and the page headers to a chain. */
    public void apply(HttpSecurity http) throws Exception {
        http.addFilterAfter(new HostedLocaleFilter(secureCookies()), SecurityContextHolderFilter.class)
                .addFilterAfter(new BrowserSessionFilter(sessions, this), HostedLocaleFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    }

    /**
     * Shows the hosted error page for an OAuth error that cannot be sent back to the application
     * (unknown client, unregistered redirect URI): never redirect anywhere unverified.
     */
    public void showOAuthError(HttpServletRequest request, HttpServletResponse response, String oauthErrorCode)
            throws ServletException, IOException {
        request.setAttribute(HostedErrorController.OAUTH_ERROR, oauthErrorCode);
        request.setAttribute(HostedErrorController.STATUS, HttpStatus.BAD_REQUEST);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        request.getRequestDispatcher(HostedErrorController.PATH).forward(request, response);
    }

    /** Ends the browser's Janua session (if any) and clears its cookie: RP-initiated logout uses this. */
    public void signOut(HttpServletRequest request, HttpServletResponse response, ClientInfo client) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) if (SESSION_COOKIE.equals(c.getName())) sessions.end(c.getValue(), client);
        }
        response.addHeader("Set-Cookie", org.springframework.http.ResponseCookie.from(SESSION_COOKIE, "").httpOnly(true)
                .secure(secureCookies()).sameSite("Lax").path("/").maxAge(0).build().toString());
    }

    /** A missing or wrong CSRF token: the hosted error page (403 {@code CSRF_INVALID}), in the visitor's language. */
    public AccessDeniedHandler csrfRefused() {
        return (request, response, denied) -> {
            request.setAttribute(HostedErrorController.ERROR_CODE, "CSRF_INVALID");
            response.setStatus(HttpStatus.FORBIDDEN.value());
            request.getRequestDispatcher(HostedErrorController.PATH).forward(request, response);
        };
    }

    /** Not signed in: to the sign-in page, which comes back to this request afterwards (when it is one we may return to). */
    public AuthenticationEntryPoint signInEntryPoint() {
        return (request, response, e) -> response.sendRedirect(signInUrl(request));
    }

    public static String signInUrl(HttpServletRequest request) {
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return ReturnTo.safe(target)
                .map(t -> SIGN_IN_PATH + "?return_to=" + URLEncoder.encode(t, StandardCharsets.UTF_8))
                .orElse(SIGN_IN_PATH);
    }
}
