package dev.janua.server.sso.web;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.hosted.HostedSignIns;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.sso.SsoEnforcement;
import dev.janua.server.sso.app.SamlServiceProvider;
import dev.janua.server.sso.app.SamlServiceProvider.Redirect;
import dev.janua.server.sso.app.SamlSignIn;
import dev.janua.server.sso.app.SsoConnections;
import dev.janua.server.sso.web.SsoRequests.StartBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
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
import org.springframework.web.servlet.ModelAndView;

/**
 * SAML Web Browser SSO endpoints (seed 000): login (SP-initiated, HTTP-Redirect binding), the
 * assertion consumer service (HTTP-POST binding) and the SP metadata, per organization. All three
 * are anonymous: the browser arrives without a Janua session, and the ACS's proof is the signed
 * response. A completed sign-in ends as a browser session on the hosted pages; when a second
 * factor is due, the hosted MFA step takes over ({@link HostedSsoController}).
 */
@JanuaApi
@Tag(name = "Enterprise SSO")
public class SamlController {
    static final String MFA_COOKIE = "janua_sso_mfa";
    private final SamlSignIn saml;
    private final SamlServiceProvider sp;
    private final SsoConnections connections;
    private final SsoEnforcement realms;
    private final HostedSignIns hosted;
    private final boolean secureCookies;

    public SamlController(SamlSignIn saml, SamlServiceProvider sp, SsoConnections connections, SsoEnforcement realms,
                          HostedSignIns hosted, dev.janua.server.hosted.HostedSecurity hostedSecurity) {
        this.saml = saml;
        this.sp = sp;
        this.connections = connections;
        this.realms = realms;
        this.hosted = hosted;
        this.secureCookies = hostedSecurity.secureCookies();
    }

    @GetMapping("/sso/saml/{organizationId}/login")
    @Operation(summary = "Start a SAML sign-in: redirects to the organization's IdP with an AuthnRequest; RelayState is resumed afterwards")
    public ResponseEntity<Void> login(@PathVariable String organizationId,
                                      @RequestParam(name = "RelayState", required = false) String relayState,
                                      @RequestParam(name = "return_to", required = false) String returnTo) {
        Redirect r = saml.start(organizationId, relayState != null ? relayState : returnTo);
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(r.url())).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @PostMapping(path = "/sso/saml/{organizationId}/acs", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Assertion consumer service: validates the IdP's signed SAMLResponse, provisions the member, starts the session")
    public ModelAndView acs(@PathVariable String organizationId, @RequestParam(name = "SAMLResponse", required = false) String samlResponse,
                            @RequestParam(name = "RelayState", required = false) String relayState,
                            @CookieValue(name = dev.janua.server.mfa.SecondFactors.DEVICE_COOKIE, required = false) String deviceToken,
                            ClientInfo client, HttpServletResponse response, Locale locale) {
        SamlSignIn.Finished done = saml.finish(organizationId, samlResponse, relayState, deviceToken, client);
        if (done.outcome() instanceof SignInOutcome.SecondFactorRequired s && !s.enrollment()) {
            return secondFactor(s, done.relayState(), response);
        }
        return hosted.finish(done.outcome(), done.relayState(), response, locale);
    }

    /**
     * A second factor is due: the MFA page posts a CSRF-protected form, which only the hosted pages'
     * chain can render, so the challenge goes there in a short-lived cookie scoped to that path.
     */
    ModelAndView secondFactor(SignInOutcome.SecondFactorRequired s, String relayState, HttpServletResponse response) {
        String value = s.mfaToken() + "|" + String.join(" ", s.methods()) + "|" + (relayState == null ? "" : relayState);
        response.addHeader("Set-Cookie", org.springframework.http.ResponseCookie.from(MFA_COOKIE,
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .httpOnly(true).secure(secureCookies).sameSite("Lax").path("/hosted/sso").maxAge(300).build().toString());
        org.springframework.web.servlet.view.RedirectView v = new org.springframework.web.servlet.view.RedirectView(HostedSsoController.MFA_PATH, true, false);
        v.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(v);
    }

    @GetMapping(path = "/sso/saml/{organizationId}/metadata", produces = {"application/samlmetadata+xml", MediaType.APPLICATION_XML_VALUE})
    @Operation(summary = "The organization's SAML SP metadata (entity id, ACS URL) for the IdP admin to import")
    public ResponseEntity<String> metadata(@PathVariable String organizationId) {
        connections.find(organizationId).orElseThrow(() -> new JanuaException(ErrorCode.SSO_NOT_CONFIGURED));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/samlmetadata+xml"))
                .body(sp.metadata(organizationId));
    }

    @PostMapping("/sso/saml")
    @Operation(summary = "Start a SAML sign-in without a redirect: the IdP URL to send the browser to (organizationId, or an email's verified domain)")
    public Map<String, Object> start(@RequestBody StartBody body) {
        String org = organizationOf(body);
        Redirect r = saml.start(org, body.relayState());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("organizationId", org);
        out.put("protocol", "saml");
        out.put("requestId", r.requestId());
        out.put("redirectUrl", r.url());
        return out;
    }

    /** The organization a start request names, directly or by home-realm discovery on the email. */
    String organizationOf(StartBody body) {
        if (body == null) throw JanuaException.of(ErrorCode.VALIDATION_ERROR, "field", "organizationId");
        if (body.organizationId() != null && !body.organizationId().isBlank()) return body.organizationId().trim();
        if (body.email() != null && !body.email().isBlank()) {
            return realms.realmOf(body.email().trim()).map(SsoEnforcement.Realm::organizationId)
                    .orElseThrow(() -> new JanuaException(ErrorCode.SSO_NOT_CONFIGURED));
        }
        throw JanuaException.of(ErrorCode.VALIDATION_ERROR, "field", "organizationId");
    }
}
