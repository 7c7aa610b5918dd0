package dev.janua.server.oidc.web;

import dev.janua.server.hosted.BrowserAuthentication;
import dev.janua.server.hosted.HostedSecurity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code prompt=login} and {@code max_age} on the authorization endpoint (OIDC Core §3.1.2.1): the
 * person signs in again — always for {@code prompt=login}, and for {@code max_age} when their sign-in
 * is older than that many seconds — before any code is issued; the ID token's {@code auth_time} is
 * then the new sign-in's. The sign-in page comes back to the same request with {@code login} taken
 * out of {@code prompt} and {@code max_age} dropped, so the fresh sign-in is not asked for again (the
 * relying party checks {@code auth_time}). With {@code prompt=none} no page may be shown: a sign-in
 * older than {@code max_age} answers {@code login_required} to the registered redirect URI. A POST
 * authorization request (form-encoded, §3.1.2.1) is treated the same and comes back as a GET with the
 * same parameters; one without a session is first answered 303 to that GET, since the session cookie
 * (SameSite=Lax) is not sent on a cross-site POST. A request for an unknown client is left to the
 * authorization endpoint, whose error page answers before anyone is asked to sign in.
 */
final class Reauthentication extends OncePerRequestFilter {
    private final RegisteredClientRepository clients;
    private final HostedSecurity hosted;
    private final Clock clock;

    Reauthentication(RegisteredClientRepository clients, HostedSecurity hosted, Clock clock) {
        this.clients = clients;
        this.hosted = hosted;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !AuthorizationRequests.isAuthorizationRequest(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        BrowserAuthentication signedIn = current instanceof BrowserAuthentication b ? b : null;
        if (signedIn == null && "POST".equals(request.getMethod())) {
            // A cross-site POST arrives without the SameSite=Lax session cookie, the same request as a GET
            // (a top-level navigation) with it: signed in or not, and how long ago, is then known for sure.
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", AuthorizationRequests.asGet(request));
            return;
        }
        boolean login = PromptNoneEntryPoint.prompts(request, "login");
        boolean none = PromptNoneEntryPoint.prompts(request, "none");
        Long maxAge = maxAge(request.getParameter("max_age"));
        if (!login && maxAge == null || none && login) {
            // nothing asked, or none+login, which the authorization endpoint refuses as invalid_request itself
            chain.doFilter(request, response);
            return;
        }
        boolean tooOld = signedIn != null && maxAge != null
                && Duration.between(signedIn.authTime(), clock.instant()).getSeconds() > maxAge;
        if (none) {
            if (tooOld) PromptNoneEntryPoint.loginRequired(request, response, clients, hosted);
            else chain.doFilter(request, response); // not signed in: the entry point answers login_required
            return;
        }
        if (signedIn != null && !login && !tooOld) {
            chain.doFilter(request, response);
            return;
        }
        String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        if (clientIds == null || clientIds.length != 1 || clients.findByClientId(clientIds[0]) == null) {
            chain.doFilter(request, response); // the authorization endpoint answers invalid_request / invalid_client
            return;
        }
        String again;
        try {
            again = withoutReauthentication(request);
        } catch (IllegalArgumentException malformedQuery) {
            // e.g. state=50%zz: not a request we can send back; the authorization endpoint answers invalid_request
            chain.doFilter(request, response);
            return;
        }
        response.sendRedirect(HostedSecurity.SIGN_IN_PATH + "?" + HostedSecurity.SIGN_IN_AGAIN + "=true&return_to="
                + URLEncoder.encode(again, StandardCharsets.UTF_8));
    }

    /** The same authorization request as a GET, without {@code login} in {@code prompt} and without {@code max_age}. */
    static String withoutReauthentication(HttpServletRequest request) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(request.getRequestURI()).query(AuthorizationRequests.query(request));
        b.replaceQueryParam("max_age");
        String prompt = request.getParameter("prompt");
        String rest = prompt == null ? "" : Arrays.stream(prompt.split(" ")).filter(p -> !p.isEmpty() && !"login".equals(p))
                .collect(Collectors.joining(" "));
        if (rest.isEmpty()) b.replaceQueryParam("prompt");
        else b.replaceQueryParam("prompt", URLEncoder.encode(rest, StandardCharsets.UTF_8).replace("+", "%20"));
        return b.build(true).toUriString();
    }

    /** A non-negative whole number of seconds; anything else is left to the authorization endpoint (null here). */
    static Long maxAge(String value) {
        if (value == null || value.isEmpty() || value.length() > 10 || !value.chars().allMatch(Character::isDigit)) return null;
        return Long.parseLong(value);
    }
}
