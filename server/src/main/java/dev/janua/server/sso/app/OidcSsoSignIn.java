package dev.janua.server.sso.app;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.auth.SignIns;
import dev.janua.server.federation.AuthorizationRequest;
import dev.janua.server.federation.FederationException;
import dev.janua.server.federation.FederationTransactions;
import dev.janua.server.federation.FederationTransactions.Started;
import dev.janua.server.federation.FederationTransactions.Transaction;
import dev.janua.server.federation.IdTokenExpectations;
import dev.janua.server.federation.IdTokenValidator;
import dev.janua.server.federation.OAuthClient;
import dev.janua.server.federation.OidcDiscovery;
import dev.janua.server.federation.OidcProviderMetadata;
import dev.janua.server.federation.ValidatedIdToken;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.sso.domain.AttributeMapping.MappedProfile;
import dev.janua.server.sso.domain.SsoConnection;
import dev.janua.server.sso.domain.SsoProtocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organization's OpenID Connect connection (Okta, Entra ID, Google Workspace as OIDC providers):
 * the authorization-code flow with state bound to the browser, nonce and PKCE S256, the ID token
 * validated against the issuer's JWKS — all through the shared relying party ({@code federation}),
 * the same code social login uses. What happens to the person afterwards is SAML's: the verified
 * domain rule, JIT provisioning, role from groups, {@code sso.signin}, and {@link SignIns#finish}.
 */
@Service
public class OidcSsoSignIn {
    private final SsoConnections connections;
    private final FederationTransactions transactions;
    private final OidcDiscovery discovery;
    private final OAuthClient oauth;
    private final IdTokenValidator idTokens;
    private final SsoProvisioning provisioning;
    private final SignIns signIns;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final PublicUrl publicUrl;

    public OidcSsoSignIn(SsoConnections connections, FederationTransactions transactions, OidcDiscovery discovery, OAuthClient oauth,
                         IdTokenValidator idTokens, SsoProvisioning provisioning, SignIns signIns, EventPublisher events,
                         TransactionTemplate tx, PublicUrl publicUrl) {
        this.connections = connections;
        this.transactions = transactions;
        this.discovery = discovery;
        this.oauth = oauth;
        this.idTokens = idTokens;
        this.provisioning = provisioning;
        this.signIns = signIns;
        this.events = events;
        this.tx = tx;
        this.publicUrl = publicUrl;
    }

    public String callbackUrl(String organizationId) {
        return publicUrl.base() + "/api/v1/sso/oidc/" + organizationId + "/callback";
    }

    /** The redirect to the provider, and the browser-binding cookie to set with it. */
    public record Begun(String authorizationUrl, String cookieName, String cookieValue, java.time.Instant expiresAt) {}

    public Begun start(String organizationId, String relayState) {
        SsoConnection c = connections.requireUsable(organizationId, SsoProtocol.OIDC);
        OidcProviderMetadata meta = discovery.discover(c.oidc().issuer());
        String relay = relayState == null || relayState.isBlank() || relayState.length() > 2048 ? null : relayState;
        Started s = transactions.begin(new FederationTransactions.Start("sso", c.id(), organizationId, null, callbackUrl(organizationId),
                relay, null, true, true, true, Map.of()));
        AuthorizationRequest request = new AuthorizationRequest(meta.authorizationEndpoint(), c.oidc().clientId(), callbackUrl(organizationId),
                scopes(c), s.state(), s.nonce(), s.codeChallenge(), Map.of());
        return new Begun(request.toUri().toString(), s.cookieName(), s.bindingSecret(), s.expiresAt());
    }

    public record Finished(SignInOutcome outcome, String relayState) {}

    public Finished finish(String organizationId, String code, String state, String error, Function<String, String> cookies,
                           String deviceToken, ClientInfo client) {
        SsoConnection c = connections.requireUsable(organizationId, SsoProtocol.OIDC);
        if (state == null || state.isBlank()) throw FederationException.state("missing");
        Transaction t = transactions.consume(state, c.id(), cookies);
        if (!organizationId.equals(t.organizationId())) throw FederationException.state("wrong_provider");
        if (error != null) throw FederationException.callback("provider_error:" + error.replaceAll("[^A-Za-z0-9_]", ""));
        OidcProviderMetadata meta = discovery.discover(c.oidc().issuer());
        OAuthClient.AuthMethod method = meta.tokenEndpointAuthMethods().isEmpty() || meta.tokenEndpointAuthMethods().contains("client_secret_basic")
                ? OAuthClient.AuthMethod.CLIENT_SECRET_BASIC : OAuthClient.AuthMethod.CLIENT_SECRET_POST;
        OAuthClient.TokenResponse tokens = oauth.exchangeCode(meta.tokenEndpoint(),
                new OAuthClient.ClientCredentials(c.oidc().clientId(), connections.clientSecret(c), method), code, t.redirectUri(),
                t.codeVerifier());
        ValidatedIdToken id = idTokens.validate(tokens.idToken(), new IdTokenExpectations(meta.issuer(), c.oidc().clientId(), t.nonce(),
                meta.jwksUri(), null));
        Map<String, List<String>> claims = attributes(id.asMap());
        if (meta.userinfoEndpoint() != null && (!claims.containsKey("email") || !claims.containsKey("given_name"))) {
            oauth.userInfo(meta.userinfoEndpoint(), tokens.accessToken(), id.subject()).properties()
                    .forEach(e -> claims.putIfAbsent(e.getKey(), values(e.getValue())));
        }
        if (claims.containsKey("email_verified") && claims.get("email_verified").contains("false")) {
            throw FederationException.callback("email_not_verified");
        }
        MappedProfile profile = c.attributeMapping().apply(id.subject(), claims);
        SsoProvisioning.Provisioned who = tx.execute(x -> {
            SsoProvisioning.Provisioned p = provisioning.provision(c, profile, client);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("organizationId", organizationId);
            data.put("userId", p.user().id());
            data.put("connectionId", c.id());
            data.put("protocol", "oidc");
            data.put("provider", c.provider());
            data.put("subject", id.subject());
            data.put("idpInitiated", false);
            data.put("createdAccount", p.createdAccount());
            data.put("joinedOrganization", p.joined());
            events.publish(new DomainEvent("sso.signin", p.user().id(), p.user().id(), organizationId, data), client);
            return p;
        });
        return new Finished(signIns.finish(who.user(), "sso_oidc", false, deviceToken, client), t.returnTo());
    }

    private static List<String> scopes(SsoConnection c) {
        String s = c.oidc().scopes() == null || c.oidc().scopes().isBlank() ? "openid email profile" : c.oidc().scopes();
        List<String> out = new ArrayList<>(Arrays.asList(s.trim().split("\\s+")));
        if (!out.contains("openid")) out.add(0, "openid");
        return out;
    }

    private static Map<String, List<String>> attributes(Map<String, Object> claims) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        claims.forEach((k, v) -> out.put(k, values(v)));
        return out;
    }

    private static List<String> values(Object v) {
        if (v == null) return List.of();
        if (v instanceof tools.jackson.databind.JsonNode n) {
            if (n.isArray()) {
                List<String> l = new ArrayList<>();
                n.forEach(x -> l.add(x.asString("")));
                return l;
            }
            return List.of(n.isString() ? n.asString("") : n.toString());
        }
        if (v instanceof Collection<?> col) return col.stream().map(String::valueOf).toList();
        return List.of(String.valueOf(v));
    }
}
