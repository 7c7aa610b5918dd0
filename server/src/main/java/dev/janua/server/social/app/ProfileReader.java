package dev.janua.server.social.app;

import dev.janua.server.federation.FederationException;
import dev.janua.server.federation.IdTokenExpectations;
import dev.janua.server.federation.IdTokenValidator;
import dev.janua.server.federation.OAuthClient;
import dev.janua.server.federation.OAuthClient.TokenResponse;
import dev.janua.server.federation.ValidatedIdToken;
import dev.janua.server.social.domain.ClaimMapping;
import dev.janua.server.social.domain.ExternalProfile;
import dev.janua.server.social.domain.ProviderConfig;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a provider's token response into an {@link ExternalProfile}, the one place that knows each
 * provider's API: OpenID Providers through the validated ID token (plus userinfo when the token
 * carries no email); GitHub through {@code /user} and {@code /user/emails} (only the primary
 * address GitHub marks verified counts as verified); Discord's {@code /users/@me} ({@code verified});
 * X's {@code /2/users/me} ({@code confirmed_email}); generic OAuth 2.0 through its claim mapping.
 */
@Component
class ProfileReader {
    private final IdTokenValidator idTokens;
    private final OAuthClient oauth;
    private final JsonMapper json;

    ProfileReader(IdTokenValidator idTokens, OAuthClient oauth, JsonMapper json) {
        this.idTokens = idTokens;
        this.oauth = oauth;
        this.json = json;
    }

    /** What the OIDC path needs beyond the token response: resolved endpoints and the transaction's nonce. */
    record OidcContext(String issuer, String jwksUri, String userinfoUri, String nonce, java.util.Set<String> algs) {}

    ExternalProfile read(ProviderConfig p, TokenResponse tokens, OidcContext oidc, Map<String, String> txData) {
        try {
            return switch (p.kind()) {
                case GOOGLE, MICROSOFT, LINKEDIN, OIDC, APPLE -> fromIdToken(p, tokens, oidc, txData);
                case GITHUB -> github(p, tokens.accessToken());
                case DISCORD -> discord(p, tokens.accessToken());
                case TWITTER -> twitter(p, tokens.accessToken());
                case OAUTH2 -> ClaimMapping.apply(p.claimMapping(), oauth.getWithToken(p.effectiveUserinfoUrl(), tokens.accessToken(), Map.of()));
            };
        } catch (IllegalArgumentException e) {
            throw FederationException.callback("profile_incomplete");
        }
    }

    private ExternalProfile fromIdToken(ProviderConfig p, TokenResponse tokens, OidcContext oidc, Map<String, String> txData) {
        ValidatedIdToken id = idTokens.validate(tokens.idToken(),
                new IdTokenExpectations(oidc.issuer(), p.clientId(), oidc.nonce(), oidc.jwksUri(), oidc.algs()));
        String email = id.string("email");
        boolean verified = id.emailVerified();
        String given = id.string("given_name");
        String family = id.string("family_name");
        String name = id.string("name");
        String picture = id.string("picture");
        if (email == null && oidc.userinfoUri() != null) {
            JsonNode info = oauth.userInfo(oidc.userinfoUri(), tokens.accessToken(), id.subject());
            email = ClaimMapping.text(info, "email");
            JsonNode v = info.get("email_verified");
            verified = v != null && (v.asBoolean(false) || "true".equals(v.asString("")));
            given = given != null ? given : ClaimMapping.text(info, "given_name");
            family = family != null ? family : ClaimMapping.text(info, "family_name");
            name = name != null ? name : ClaimMapping.text(info, "name");
            picture = picture != null ? picture : ClaimMapping.text(info, "picture");
        }
        String appleUser = txData.get("appleUser");
        if (appleUser != null && given == null) {
            // Apple sends the name once, in the form_post's "user" field, never in the ID token
            JsonNode u = json.readTree(appleUser);
            given = ClaimMapping.text(u, "name.firstName");
            family = ClaimMapping.text(u, "name.lastName");
        }
        return new ExternalProfile(id.subject(), email, verified, given, family, name, picture);
    }

    private ExternalProfile github(ProviderConfig p, String accessToken) {
        Map<String, String> headers = Map.of("Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28");
        JsonNode user = oauth.getWithToken(p.effectiveUserinfoUrl(), accessToken, headers);
        String emailsUrl = p.settings().getOrDefault("emailsUrl", p.effectiveUserinfoUrl() + "/emails");
        JsonNode emails = oauth.getWithToken(emailsUrl, accessToken, headers);
        String email = null;
        boolean verified = false;
        if (emails.isArray()) {
            for (JsonNode e : emails) {
                if (e.path("primary").asBoolean(false)) {
                    email = e.path("email").asString(null);
                    verified = e.path("verified").asBoolean(false);
                }
            }
        }
        if (email == null) email = ClaimMapping.text(user, "email");
        String name = ClaimMapping.text(user, "name");
        return new ExternalProfile(ClaimMapping.text(user, "id"), email, verified, null, null,
                name != null ? name : ClaimMapping.text(user, "login"), ClaimMapping.text(user, "avatar_url"));
    }

    private ExternalProfile discord(ProviderConfig p, String accessToken) {
        JsonNode u = oauth.getWithToken(p.effectiveUserinfoUrl(), accessToken, Map.of());
        String id = ClaimMapping.text(u, "id");
        String avatar = ClaimMapping.text(u, "avatar");
        String name = ClaimMapping.text(u, "global_name");
        return new ExternalProfile(id, ClaimMapping.text(u, "email"), u.path("verified").asBoolean(false), null, null,
                name != null ? name : ClaimMapping.text(u, "username"),
                avatar == null ? null : "https://cdn.discordapp.com/avatars/" + id + "/" + avatar + ".png");
    }

    private ExternalProfile twitter(ProviderConfig p, String accessToken) {
        JsonNode u = oauth.getWithToken(p.effectiveUserinfoUrl(), accessToken, Map.of());
        String email = ClaimMapping.text(u, "data.confirmed_email");
        return new ExternalProfile(ClaimMapping.text(u, "data.id"), email, email != null, null, null,
                ClaimMapping.text(u, "data.name"), ClaimMapping.text(u, "data.profile_image_url"));
    }
}
