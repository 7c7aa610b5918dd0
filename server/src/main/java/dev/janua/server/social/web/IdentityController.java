package dev.janua.server.social.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.social.SocialLogins;
import dev.janua.server.social.app.SocialAccounts;
import dev.janua.server.social.app.SocialLoginFlow;
import dev.janua.server.social.domain.SocialIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * A signed-in user's linked provider accounts: list, link (a provider round trip bound to this
 * user; the identity is attached at the callback) and unlink (refused for the last way in).
 */
@JanuaApi
@Tag(name = "Social login")
public class IdentityController {
    private final SocialAccounts accounts;
    private final SocialLoginFlow flow;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public IdentityController(SocialAccounts accounts, SocialLoginFlow flow, PublicUrl publicUrl, Clock clock) {
        this.accounts = accounts;
        this.flow = flow;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public record IdentityView(String id, String provider, String email, boolean emailVerified, String displayName, Instant createdAt,
                               Instant lastUsedAt) {
        static IdentityView of(SocialIdentity i) {
            return new IdentityView(i.id(), i.provider(), i.email(), i.emailVerified(), i.displayName(), i.createdAt(), i.lastUsedAt());
        }
    }

    public record LinkRequest(String provider, @JsonAlias({"redirect_uri", "redirectUrl", "redirect_url"}) String redirectUri, String state,
                              @JsonAlias("organization_id") String organizationId) {}

    public record LinkStarted(String authUrl, String state, Instant expiresAt) {}

    @GetMapping("/users/me/identities")
    @Operation(summary = "The provider accounts linked to the signed-in user")
    public Page<IdentityView> list(Caller caller) {
        List<IdentityView> all = accounts.list(caller.userId()).stream().map(IdentityView::of).toList();
        return new Page<>(all, new Page.Pagination(all.size(), false, null, (long) all.size(), null));
    }

    @PostMapping("/users/me/identities")
    @Operation(summary = "Start linking a provider account: open authUrl in the browser; the callback attaches the identity to this user "
            + "and returns to redirectUri (registered) with ?linked=<provider>, or to the hosted account page")
    public ResponseEntity<LinkStarted> link(Caller caller, @RequestBody LinkRequest body) {
        SocialLogins.Started s = flow.start(new SocialLoginFlow.Start(body.provider(), body.organizationId(), body.redirectUri(),
                body.state(), null, null, caller.userId()));
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE,
                        FederationCookies.set(s.cookieName(), s.cookieValue(), s.expiresAt(), clock.instant(), publicUrl.base().startsWith("https:")))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new LinkStarted(s.authorizationUrl().toString(), body.state() != null ? body.state() : s.state(), s.expiresAt()));
    }

    @DeleteMapping("/users/me/identities/{id}")
    @Operation(summary = "Unlink a provider account (by identity id or provider name); refused (409 LAST_SIGN_IN_METHOD) when it is the last way in")
    public ResponseEntity<Void> unlink(Caller caller, @PathVariable String id, ClientInfo client) {
        accounts.unlink(caller.userId(), id, client);
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }
}
