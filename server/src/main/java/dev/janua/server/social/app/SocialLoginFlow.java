package dev.janua.server.social.app;

import dev.janua.server.federation.AuthorizationRequest;
import dev.janua.server.federation.FederationException;
import dev.janua.server.federation.FederationTransactions;
import dev.janua.server.federation.FederationTransactions.Transaction;
import dev.janua.server.federation.IdTokenExpectations;
import dev.janua.server.federation.OAuthClient;
import dev.janua.server.federation.OAuthClient.AuthMethod;
import dev.janua.server.federation.OAuthClient.ClientCredentials;
import dev.janua.server.federation.OAuthClient.TokenResponse;
import dev.janua.server.federation.OidcDiscovery;
import dev.janua.server.federation.OidcProviderMetadata;
import dev.janua.server.oidc.RegisteredRedirects;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.social.SocialLogins;
import dev.janua.server.social.domain.AppleClientSecret;
import dev.janua.server.social.domain.ExternalProfile;
import dev.janua.server.social.domain.ProviderConfig;
import dev.janua.server.social.domain.ProviderKind;
import dev.janua.server.tokens.OneTimeTokens;
import dev.janua.server.tokens.OneTimeTokens.Purpose;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Social sign-in from start to the hand-over to the common sign-in finish. Start: a browser-bound
 * {@link FederationTransactions transaction} and the provider's authorization URL (state, nonce,
 * PKCE S256 where the provider supports it). Callback: spend the transaction, exchange the code
 * (no database transaction is open across these network calls), read the profile, resolve the
 * account ({@link SocialAccounts}), and hand back a one-time code (two minutes, single use) — never
 * tokens in a URL. The application, or the hosted page, exchanges that code for the session through
 * {@code SignIns.finish}, exactly like a password sign-in.
 */
@Service
public class SocialLoginFlow implements SocialLogins {
    static final Duration EXCHANGE_TTL = Duration.ofMinutes(2);
    public static final String MODE_APP = "app";
    public static final String MODE_HOSTED = "hosted";
    private final ProviderRegistry registry;
    private final FederationTransactions transactions;
    private final OidcDiscovery discovery;
    private final OAuthClient oauth;
    private final ProfileReader profiles;
    private final SocialAccounts accounts;
    private final OneTimeTokens oneTime;
    private final UserDirectory users;
    private final RegisteredRedirects registered;
    private final SocialProperties properties;
    private final PublicUrl publicUrl;
    private final JsonMapper json;
    private final Clock clock;

    public SocialLoginFlow(ProviderRegistry registry, FederationTransactions transactions, OidcDiscovery discovery, OAuthClient oauth,
                           ProfileReader profiles, SocialAccounts accounts, OneTimeTokens oneTime, UserDirectory users,
                           RegisteredRedirects registered, SocialProperties properties, PublicUrl publicUrl, JsonMapper json, Clock clock) {
        this.registry = registry;
        this.transactions = transactions;
        this.discovery = discovery;
        this.oauth = oauth;
        this.profiles = profiles;
        this.accounts = accounts;
        this.oneTime = oneTime;
        this.users = users;
        this.registered = registered;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A sign-in (or, with {@code linkUserId}, a link) to start.
     *
     * @param appRedirectUri where the application wants the browser back; must be registered exactly, else null (hosted)
     * @param clientState    the application's own state, echoed back to it
     * @param hostedReturnTo a hosted path the page already checked
     */
    public record Start(String provider, String organizationId, String appRedirectUri, String clientState, String hostedReturnTo,
                        List<String> extraScopes, String linkUserId) {}

    @Override
    public List<ProviderSummary> enabledProviders(String organizationId) {
        return registry.list(organizationId).stream().filter(ProviderConfig::enabled)
                .map(p -> new ProviderSummary(p.slug(), p.name(), p.kind().wireName())).toList();
    }

    public List<ProviderConfig> providers(String organizationId) {
        return registry.list(organizationId);
    }

    @Override
    public Started startForBrowser(String provider, String organizationId, String returnTo) {
        return start(new Start(provider, organizationId, null, null, returnTo, null, null));
    }

    public Started start(Start s) {
        ProviderConfig p = enabled(s.provider(), s.organizationId());
        String appRedirect = null;
        if (s.appRedirectUri() != null && !s.appRedirectUri().isEmpty()) {
            appRedirect = s.appRedirectUri();
            if (!isRegisteredReturn(appRedirect)) throw JanuaException.of(ErrorCode.REDIRECT_URI_NOT_REGISTERED, "redirectUri", "not_registered");
        }
        if (s.clientState() != null && (s.clientState().length() > 512 || !s.clientState().matches("[\\x20-\\x7E]*"))) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "state", "reason", "invalid"));
        }
        Endpoints e = endpoints(p);
        List<String> scopes = new ArrayList<>(p.scopes());
        if (s.extraScopes() != null) {
            for (String extra : s.extraScopes()) {
                if (extra == null || !extra.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,200}") || scopes.size() > 30) {
                    throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "scope", "reason", "invalid"));
                }
                if (!scopes.contains(extra)) scopes.add(extra);
            }
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("mode", appRedirect != null ? MODE_APP : MODE_HOSTED);
        String returnTo = appRedirect != null ? appRedirect : s.hostedReturnTo();
        // an application that sent its own state checks it when the browser comes back, so a cross-site SPA
        // (which never receives Janua's cookie) still has its CSRF check; every other flow needs the cookie
        boolean browserBound = appRedirect == null || s.clientState() == null || s.clientState().isEmpty();
        FederationTransactions.Started st = transactions.begin(new FederationTransactions.Start(
                s.linkUserId() != null ? "link" : "social", p.slug(), p.organizationId(), s.linkUserId(), callbackUrl(p.slug()), returnTo,
                s.clientState(), p.kind().oidc, p.pkce(), browserBound, data));
        Map<String, String> extra = new LinkedHashMap<>();
        if (p.kind() == ProviderKind.APPLE) extra.put("response_mode", "form_post");
        URI url = new AuthorizationRequest(e.authorization(), p.clientId(), callbackUrl(p.slug()), scopes, st.state(), st.nonce(),
                st.codeChallenge(), extra).toUri();
        return new Started(url, st.state(), st.cookieName(), st.bindingSecret(), st.expiresAt());
    }

    /** Janua's callback URL for a provider: the redirect URI to register in the provider's console. */
    public String callbackUrl(String slug) {
        return publicUrl.base() + "/api/v1/auth/oauth/" + slug + "/callback";
    }

    /** Exact match against registered applications' redirect URIs or {@code janua.oauth.redirect-uris}. */
    public boolean isRegisteredReturn(String uri) {
        return properties.redirectUris().contains(uri) || registered.isRegistered(uri);
    }

    /**
     * How a callback ended. {@code exchangeCode} on a sign-in, {@code linkedProvider} on a link,
     * {@code error} (a stable code, or the provider's OAuth error) otherwise; {@code mode} says
     * whether the browser goes back to an application or to the hosted pages.
     */
    public record Completion(String mode, String returnTo, String clientState, String exchangeCode, String linkedProvider, String error,
                             String provider) {}

    /**
     * The provider sent the browser back. State problems throw (there is nowhere trustworthy to send
     * the browser); anything after the state is accepted becomes a {@link Completion} with an error,
     * so the application or page learns how its sign-in ended.
     */
    public Completion callback(String slug, String code, String state, String providerError, Function<String, String> cookies,
                               ClientInfo client) {
        Transaction t = transactions.consume(state, slug, cookies);
        String mode = t.data().getOrDefault("mode", MODE_HOSTED);
        try {
            if (providerError != null) {
                String e = providerError.matches("[a-z_]{1,40}") ? providerError : "access_denied";
                return new Completion(mode, t.returnTo(), t.clientState(), null, null, e, slug);
            }
            ProviderConfig p = enabled(slug, t.organizationId());
            Endpoints e = endpoints(p);
            TokenResponse tokens = oauth.exchangeCode(e.token(), credentials(p), code, t.redirectUri(), t.codeVerifier());
            ExternalProfile profile = profiles.read(p, tokens,
                    new ProfileReader.OidcContext(e.issuer(), e.jwks(), e.userinfo(), t.nonce(), e.algs()), t.data());
            if ("link".equals(t.kind())) {
                accounts.linkTo(t.userId(), slug, profile, client);
                return new Completion(mode, t.returnTo(), t.clientState(), null, slug, null, slug);
            }
            SocialAccounts.Resolved r = accounts.signIn(slug, profile, client);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("provider", slug);
            data.put("isNewUser", r.isNewUser());
            data.put("mode", mode);
            if (t.clientState() != null) data.put("clientState", t.clientState());
            if (t.returnTo() != null) data.put("returnTo", t.returnTo());
            String exchange = oneTime.issue(Purpose.SOCIAL_EXCHANGE, r.user().id(), r.user().email(), EXCHANGE_TTL, json.writeValueAsString(data));
            return new Completion(mode, t.returnTo(), t.clientState(), exchange, null, null, slug);
        } catch (JanuaException e) {
            return new Completion(mode, t.returnTo(), t.clientState(), null, null, e.code().name(), slug);
        }
    }

    /** A finished sign-in, waiting for the session. */
    public record Exchanged(User user, String provider, boolean isNewUser, String mode, String returnTo) {}

    /**
     * Spends an exchange code. {@code provider} (the route's) must be the one that issued it; when the
     * flow carried the application's state, {@code state} must be that state.
     */
    public Exchanged exchange(String code, String provider, String state) {
        if (code == null || code.isBlank() || code.length() > 200) throw new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED);
        OneTimeTokens.Redeemed r = oneTime.redeem(Purpose.SOCIAL_EXCHANGE, code).orElseThrow(() -> new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED));
        JsonNode d = json.readTree(r.data() == null ? "{}" : r.data());
        if (provider != null && !provider.equals(d.path("provider").asString(""))) throw new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED);
        String expectedState = d.path("clientState").asString(null);
        if (expectedState != null && (state == null || !dev.janua.server.platform.crypto.Hashes.constantTimeEquals(expectedState, state))) {
            throw FederationException.state("client_state_mismatch");
        }
        User user = users.findById(r.userId()).orElseThrow(() -> new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED));
        if (user.status() != UserStatus.ACTIVE) throw new JanuaException(ErrorCode.ACCOUNT_SUSPENDED);
        return new Exchanged(user, d.path("provider").asString(), d.path("isNewUser").asBoolean(false), d.path("mode").asString(MODE_HOSTED),
                d.path("returnTo").asString(null));
    }

    @Override
    public Redeemed redeemForBrowser(String code) {
        Exchanged e = exchange(code, null, null);
        if (!MODE_HOSTED.equals(e.mode())) throw new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED);
        return new Redeemed(e.user(), e.provider(), e.isNewUser(), e.returnTo());
    }

    /** Apple's form_post carries the user's name once; keep it with the transaction until the callback. */
    public void rememberAppleUser(String state, String userJson) {
        if (userJson != null && userJson.length() <= 2000) transactions.annotate(state, "appleUser", userJson);
    }

    private ProviderConfig enabled(String slug, String organizationId) {
        return registry.find(slug, organizationId).filter(ProviderConfig::enabled)
                .orElseThrow(() -> JanuaException.of(ErrorCode.OAUTH_PROVIDER_NOT_FOUND, "provider", String.valueOf(slug)));
    }

    private ClientCredentials credentials(ProviderConfig p) {
        if (p.kind() == ProviderKind.APPLE) {
            String secret = AppleClientSecret.create(p.settings().get("teamId"), p.settings().get("keyId"), p.clientId(), p.clientSecret(),
                    clock.instant());
            return new ClientCredentials(p.clientId(), secret, AuthMethod.CLIENT_SECRET_POST);
        }
        if (p.clientSecret() == null) return new ClientCredentials(p.clientId(), null, AuthMethod.NONE);
        return new ClientCredentials(p.clientId(), p.clientSecret(), p.authMethod());
    }

    /** A provider's endpoints: explicit configuration first, then discovery, then the kind's documented defaults. */
    record Endpoints(String authorization, String token, String userinfo, String issuer, String jwks, Set<String> algs) {}

    private Endpoints endpoints(ProviderConfig p) {
        if (!p.discovers()) {
            String issuer = p.effectiveIssuer();
            return new Endpoints(required(p.effectiveAuthorizationUrl()), required(p.effectiveTokenUrl()), p.effectiveUserinfoUrl(), issuer,
                    p.effectiveJwksUrl(), IdTokenExpectations.DEFAULT_ALGS);
        }
        OidcProviderMetadata m = discovery.discover(p.effectiveIssuer());
        Set<String> algs = new HashSet<>(m.idTokenSigningAlgs());
        algs.retainAll(IdTokenExpectations.DEFAULT_ALGS);
        return new Endpoints(p.authorizationUrl() != null ? p.authorizationUrl() : m.authorizationEndpoint(),
                p.tokenUrl() != null ? p.tokenUrl() : m.tokenEndpoint(), p.userinfoUrl() != null ? p.userinfoUrl() : m.userinfoEndpoint(),
                m.issuer(), p.jwksUrl() != null ? p.jwksUrl() : m.jwksUri(), algs.isEmpty() ? IdTokenExpectations.DEFAULT_ALGS : algs);
    }

    private static String required(String url) {
        if (url == null) throw FederationException.unavailable("endpoint_not_configured");
        return url;
    }
}
