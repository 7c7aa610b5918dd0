package dev.janua.server.social.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.auth.SignInResponse;
import dev.janua.server.auth.SignIns;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.social.SocialLogins;
import dev.janua.server.social.app.SocialLoginFlow;
import dev.janua.server.social.app.SocialLoginFlow.Completion;
import dev.janua.server.social.app.SocialLoginFlow.Exchanged;
import dev.janua.server.social.app.SocialLoginFlow.Start;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Social login, every seed path: the provider list, the redirect start ({@code redirect_uri} or
 * seed 004's {@code redirect_url}), the JSON start ({@code /url}), the provider's callback (GET; POST
 * form for Apple's form_post) and the application's exchange of its one-time code (POST JSON, seed
 * 000's {@code {code, state}} body) for the session.
 */
@JanuaApi
@Tag(name = "Social login")
public class SocialAuthController {
    private final SocialLoginFlow flow;
    private final SignIns signIns;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public SocialAuthController(SocialLoginFlow flow, SignIns signIns, PublicUrl publicUrl, Clock clock) {
        this.flow = flow;
        this.signIns = signIns;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public record ProviderItem(String id, String name, boolean enabled, String kind, String authUrl) {}

    public record ProviderList(List<ProviderItem> providers) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuthUrl(String authUrl, String url, String state, Instant expiresAt) {}

    public record ExchangeRequest(String code, String state, @JsonAlias("remember_me") Boolean rememberMe,
                                  @JsonAlias("device_token") String deviceToken) {}

    @GetMapping("/auth/oauth/providers")
    @Operation(summary = "Social-login providers configured for this instance (or an organization), enabled or not")
    public ProviderList providers(@RequestParam(name = "organization_id", required = false) String organizationId) {
        return new ProviderList(flow.providers(blank(organizationId)).stream()
                .map(p -> new ProviderItem(p.slug(), p.name(), p.enabled(), p.kind().wireName(),
                        publicUrl.base() + "/api/v1/auth/oauth/" + p.slug()))
                .toList());
    }

    @GetMapping("/auth/oauth/{provider}")
    @Operation(summary = "Start a social sign-in: 302 to the provider. redirect_uri (alias redirect_url) must be a registered redirect URI; "
            + "without one the sign-in ends in the hosted browser session")
    public ResponseEntity<Void> start(@PathVariable String provider, @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                      @RequestParam(name = "redirect_url", required = false) String redirectUrl,
                                      @RequestParam(required = false) String state, @RequestParam(required = false) String scope,
                                      @RequestParam(name = "organization_id", required = false) String organizationId) {
        SocialLogins.Started s = flow.start(start(provider, redirectUri, redirectUrl, state, scope, organizationId, null));
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, s.authorizationUrl().toString())
                .header(HttpHeaders.SET_COOKIE, cookie(s)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GetMapping("/auth/oauth/{provider}/url")
    @Operation(summary = "Start a social sign-in and answer the provider URL as JSON (authUrl); state echoes the application's state")
    public ResponseEntity<AuthUrl> url(@PathVariable String provider, @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                       @RequestParam(name = "redirect_url", required = false) String redirectUrl,
                                       @RequestParam(required = false) String state, @RequestParam(required = false) String scope,
                                       @RequestParam(name = "organization_id", required = false) String organizationId) {
        SocialLogins.Started s = flow.start(start(provider, redirectUri, redirectUrl, state, scope, organizationId, null));
        String url = s.authorizationUrl().toString();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie(s)).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new AuthUrl(url, url, state != null && !state.isEmpty() ? state : s.state(), s.expiresAt()));
    }

    @GetMapping("/auth/oauth/{provider}/callback")
    @Operation(summary = "The provider's redirect back (register this URL at the provider): redirects to the application with a "
            + "one-time code (never tokens), or to the hosted pages")
    public ResponseEntity<Void> callback(@PathVariable String provider, @RequestParam(required = false) String code,
                                         @RequestParam(required = false) String state, @RequestParam(required = false) String error,
                                         HttpServletRequest request, ClientInfo client) {
        Completion c = flow.callback(provider, code, state, error, FederationCookies.reader(request), client);
        ResponseEntity.BodyBuilder r = ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, destination(c))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer");
        FederationCookies.clearAll(request, secure()).forEach(v -> r.header(HttpHeaders.SET_COOKIE, v));
        return r.build();
    }

    /**
     * Apple answers with {@code response_mode=form_post}: a cross-site POST that carries no SameSite=Lax
     * cookie. The name Apple sends once is kept with the transaction; then a 303 turns the POST into a
     * top-level GET of the same callback, which does carry the binding cookie.
     */
    @PostMapping(value = "/auth/oauth/{provider}/callback", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Form-post callback (Apple): bounced to the GET callback so the browser-binding cookie is checked")
    public ResponseEntity<Void> formPost(@PathVariable String provider, @RequestParam(required = false) String code,
                                         @RequestParam(required = false) String state, @RequestParam(required = false) String error,
                                         @RequestParam(required = false) String user) {
        if ("apple".equals(provider) && user != null && state != null) flow.rememberAppleUser(state, user);
        Map<String, String> q = new LinkedHashMap<>();
        if (code != null) q.put("code", code);
        if (state != null) q.put("state", state);
        if (error != null) q.put("error", error);
        StringBuilder location = new StringBuilder(publicUrl.base()).append("/api/v1/auth/oauth/").append(enc(provider)).append("/callback");
        char sep = '?';
        for (Map.Entry<String, String> e : q.entrySet()) {
            location.append(sep).append(e.getKey()).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    @PostMapping(value = "/auth/oauth/{provider}/callback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Exchange the one-time code the callback redirect gave the application (and its state) for the session: "
            + "user, tokens, session, isNewUser — or requiresMfa")
    public SocialSignInResponse exchange(@PathVariable String provider, @RequestBody ExchangeRequest body, ClientInfo client,
                                         @CookieValue(name = SecondFactors.DEVICE_COOKIE, required = false) String deviceCookie) {
        Exchanged e = flow.exchange(body.code(), provider, body.state());
        SignInResponse signIn = SignInResponse.of(signIns.finish(e.user(), "social", Boolean.TRUE.equals(body.rememberMe()),
                body.deviceToken() != null ? body.deviceToken() : deviceCookie, client));
        return new SocialSignInResponse(signIn, e.isNewUser(), e.provider());
    }

    private Start start(String provider, String redirectUri, String redirectUrl, String state, String scope, String organizationId,
                        String linkUserId) {
        String target = redirectUri != null && !redirectUri.isEmpty() ? redirectUri : redirectUrl;
        List<String> scopes = scope == null || scope.isBlank() ? null : Arrays.stream(scope.trim().split("[ ,]+")).toList();
        return new Start(provider, blank(organizationId), target, blank(state), null, scopes, linkUserId);
    }

    private String cookie(SocialLogins.Started s) {
        return FederationCookies.set(s.cookieName(), s.cookieValue(), s.expiresAt(), clock.instant(), secure());
    }

    private boolean secure() {
        return publicUrl.base().startsWith("https:");
    }

    /** Where the browser goes after the callback: the application (code or error, with its state) or the hosted pages. */
    static String destination(Completion c) {
        if (SocialLoginFlow.MODE_APP.equals(c.mode()) && c.returnTo() != null) {
            Map<String, String> q = new LinkedHashMap<>();
            if (c.exchangeCode() != null) q.put("code", c.exchangeCode());
            if (c.linkedProvider() != null) q.put("linked", c.linkedProvider());
            if (c.error() != null) q.put("error", c.error().toLowerCase(java.util.Locale.ROOT));
            if (c.clientState() != null) q.put("state", c.clientState());
            return withQuery(c.returnTo(), q);
        }
        if (c.linkedProvider() != null) return "/hosted/account";
        if (c.exchangeCode() != null) return "/hosted/oauth/complete?code=" + enc(c.exchangeCode());
        return "/hosted/oauth/complete?error=" + enc(c.error());
    }

    static String withQuery(String base, Map<String, String> q) {
        int hash = base.indexOf('#');
        String head = hash < 0 ? base : base.substring(0, hash);
        StringBuilder b = new StringBuilder(head);
        char sep = head.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : q.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        return b.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
