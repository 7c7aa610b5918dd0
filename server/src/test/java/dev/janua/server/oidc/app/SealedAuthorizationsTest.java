package dev.janua.server.oidc.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.oidc.persistence.JdbcAuthorizations;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.SecretBox;
import dev.janua.server.support.TestProperties;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class SealedAuthorizationsTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    @TempDir
    Path dir;

    /** The authorizations table in memory. */
    static final class Rows extends JdbcAuthorizations {
        final Map<String, Row> rows = new HashMap<>();

        Rows() {
            super(null);
        }

        @Override
        public boolean update(Row r) {
            return rows.replace(r.id(), r) != null;
        }

        @Override
        public void insert(Row r) {
            if (rows.putIfAbsent(r.id(), r) != null) throw new IllegalStateException("duplicate key " + r.id());
        }

        @Override
        public void delete(String id) {
            rows.remove(id);
        }

        @Override
        public Optional<String> sealedById(String id) {
            return Optional.ofNullable(rows.get(id)).map(Row::sealed);
        }

        @Override
        public Optional<String> sealedByHash(String column, String hash) {
            return rows.values().stream().filter(r -> hash.equals(column.equals("refresh_token_hash") ? r.refreshTokenHash()
                    : column.equals("access_token_hash") ? r.accessTokenHash() : null)).map(Row::sealed).findFirst();
        }
    }

    static OAuth2Authorization authorization(String refreshToken) {
        RegisteredClient client = RegisteredClient.withId("app_1").clientId("client_1")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).redirectUri("https://rp.example/cb").build();
        return OAuth2Authorization.withRegisteredClient(client).id("auth_1").principalName("usr_1")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "at_1", NOW, NOW.plusSeconds(3600)))
                .refreshToken(new OAuth2RefreshToken(refreshToken, NOW, NOW.plusSeconds(86400))).build();
    }

    /** A row as written before the stored marker existed: the authorization sealed without it. */
    static JdbcAuthorizations.Row preUpgradeRow(OAuth2Authorization a, SecretBox box) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        String sealed = box.seal(Base64.getEncoder().encodeToString(bytes.toByteArray()), "oidc-authorization");
        return new JdbcAuthorizations.Row(a.getId(), a.getRegisteredClientId(), a.getPrincipalName(), null, null,
                Hashes.sha256Hex("at_1"), Hashes.sha256Hex(a.getRefreshToken().getToken().getTokenValue()), null, null, null,
                NOW.plusSeconds(86400), sealed);
    }

    @Test
    void aPreUpgradeRowRevokedWhileLoadedIsNotInsertedAgainBySave() throws Exception {
        SecretBox box = new SecretBox(TestProperties.defaults(dir));
        Rows rows = new Rows();
        SealedAuthorizations service = new SealedAuthorizations(rows, box, Clock.systemUTC());
        OAuth2Authorization old = authorization("rt_old");
        assertThat(old.<Boolean>getAttribute(SealedAuthorizations.STORED)).isNull();
        rows.insert(preUpgradeRow(old, box));

        // a refresh request loads it (by token and by id), then "remove access" deletes the row
        OAuth2Authorization byToken = service.findByToken("rt_old", OAuth2TokenType.REFRESH_TOKEN);
        OAuth2Authorization byId = service.findById("auth_1");
        assertThat(byToken.<Boolean>getAttribute(SealedAuthorizations.STORED)).isTrue();
        assertThat(byId.<Boolean>getAttribute(SealedAuthorizations.STORED)).isTrue();
        service.remove(byToken);
        assertThat(rows.rows).isEmpty();

        // the request's save of the rotated tokens fails instead of bringing the authorization back
        for (OAuth2Authorization loaded : new OAuth2Authorization[] {byToken, byId}) {
            OAuth2Authorization rotated = OAuth2Authorization.from(loaded)
                    .refreshToken(new OAuth2RefreshToken("rt_new", NOW, NOW.plusSeconds(86400))).build();
            assertThatThrownBy(() -> service.save(rotated)).isInstanceOf(OAuth2AuthenticationException.class)
                    .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode()).isEqualTo("invalid_grant"));
        }
        assertThat(rows.rows).isEmpty();
    }

    @Test
    void aNewAuthorizationIsInsertedAndAPreUpgradeRowStillLoadedIsUpdated() throws Exception {
        SecretBox box = new SecretBox(TestProperties.defaults(dir));
        Rows rows = new Rows();
        SealedAuthorizations service = new SealedAuthorizations(rows, box, Clock.systemUTC());
        service.save(authorization("rt_fresh"));
        assertThat(service.findById("auth_1").<Boolean>getAttribute(SealedAuthorizations.STORED)).isTrue();

        rows.rows.clear();
        rows.insert(preUpgradeRow(authorization("rt_old"), box));
        OAuth2Authorization loaded = service.findByToken("rt_old", OAuth2TokenType.REFRESH_TOKEN);
        service.save(OAuth2Authorization.from(loaded).refreshToken(new OAuth2RefreshToken("rt_new", NOW, NOW.plusSeconds(86400))).build());
        assertThat(service.findByToken("rt_new", OAuth2TokenType.REFRESH_TOKEN).getId()).isEqualTo("auth_1");
        assertThat(service.findByToken("rt_old", OAuth2TokenType.REFRESH_TOKEN)).isNull();
    }
}
