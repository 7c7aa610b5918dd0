package dev.janua.server.magiclink.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.janua.server.auth.SignInResponse;
import dev.janua.server.auth.SignIns;
import dev.janua.server.magiclink.app.MagicLinkService;
import dev.janua.server.magiclink.app.MagicLinkService.Redeemed;
import dev.janua.server.magiclink.domain.RedirectTargets;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Magic links: send ({@code /auth/magic-link} = {@code /auth/magic-link/send}), verify by POST
 * (token → session), verify by GET (the link in the email: redirect to the app with a one-time
 * {@code code}, never with tokens), and the exchange of that code for the session.
 */
@JanuaApi
@Tag(name = "Magic links")
public class MagicLinkController {
    private final MagicLinkService links;
    private final SignIns signIns;

    public MagicLinkController(MagicLinkService links, SignIns signIns) {
        this.links = links;
        this.signIns = signIns;
    }

    public record SendRequest(String email,
                              @JsonAlias({"redirectUri", "redirect_uri", "redirectTo", "redirect_to"}) String redirectUrl,
                              Long expiresIn) {}

    public record SendResponse(boolean success, String message, String linkId, Instant expiresAt) {}

    public record VerifyRequest(String token, Boolean rememberMe, String deviceToken) {}

    public record ExchangeRequest(String code, Boolean rememberMe, String deviceToken) {}

    @PostMapping({"/auth/magic-link", "/auth/magic-link/send"})
    @Operation(summary = "Email a sign-in link (5 per hour per email); same answer whether or not the email has an account")
    public SendResponse send(@RequestBody SendRequest body, Locale locale, ClientInfo client) {
        MagicLinkService.Sent sent = links.send(body.email(), body.redirectUrl(), body.expiresIn(), locale, client);
        return new SendResponse(true, "If the address can sign in, a magic link has been sent to it", sent.linkId(), sent.expiresAt());
    }

    @PostMapping("/auth/magic-link/verify")
    @Operation(summary = "Spend a magic-link token: session and tokens (or requiresMfa when a second factor is due)")
    public SignInResponse verify(@RequestBody VerifyRequest body, ClientInfo client,
                                 @CookieValue(name = SecondFactors.DEVICE_COOKIE, required = false) String deviceCookie) {
        Redeemed r = links.redeem(body.token(), client);
        return SignInResponse.of(signIns.finish(r.user(), "magic_link", Boolean.TRUE.equals(body.rememberMe()),
                body.deviceToken() != null ? body.deviceToken() : deviceCookie, client));
    }

    /**
     * The link in the email. With a redirect target (the link's, or {@code redirect_uri}, which
     * must be an allowed origin) the browser goes back to the app with {@code ?code=mlc_…} (about
     * 2 minutes, single use), which the app exchanges by POST; failures come back as
     * {@code ?error=invalid_or_expired}. Without one, the answer is the sign-in JSON itself.
     */
    @GetMapping("/auth/magic-link/verify")
    @Operation(summary = "Open a magic link: redirect to the app with a one-time code (no tokens in the URL), or sign-in JSON when no redirect is set")
    public ResponseEntity<?> verifyLink(@RequestParam String token,
                                        @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                        ClientInfo client,
                                        @CookieValue(name = SecondFactors.DEVICE_COOKIE, required = false) String deviceCookie) {
        URI explicit = redirectUri == null || redirectUri.isBlank() ? null : links.requireRedirect(redirectUri, "redirect_uri");
        Redeemed r;
        try {
            r = links.redeem(token, client);
        } catch (JanuaException e) {
            if (explicit == null) throw e;
            return redirect(RedirectTargets.withParameter(explicit, "error", "invalid_or_expired"));
        }
        Optional<URI> target = explicit != null ? Optional.of(explicit)
                : Optional.ofNullable(r.redirectUrl()).flatMap(links::allowedRedirect);
        if (target.isEmpty()) return ResponseEntity.ok(SignInResponse.of(signIns.finish(r.user(), "magic_link", false, deviceCookie, client)));
        return redirect(RedirectTargets.withParameter(target.get(), "code", links.issueExchangeCode(r.user())));
    }

    @PostMapping("/auth/magic-link/exchange")
    @Operation(summary = "Exchange the one-time code from a magic-link redirect for the session and tokens")
    public SignInResponse exchange(@RequestBody ExchangeRequest body, ClientInfo client,
                                   @CookieValue(name = SecondFactors.DEVICE_COOKIE, required = false) String deviceCookie) {
        return SignInResponse.of(signIns.finish(links.redeemExchangeCode(body.code()), "magic_link",
                Boolean.TRUE.equals(body.rememberMe()), body.deviceToken() != null ? body.deviceToken() : deviceCookie, client));
    }

    private static ResponseEntity<?> redirect(String location) {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}
