package dev.janua.server.oidc.app;

import dev.janua.server.oidc.domain.UserCodes;
import dev.janua.server.oidc.persistence.JdbcAuthorizations;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.SecretBox;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * Authorizations (the state of one authorization request and the codes and tokens issued for it)
 * in the database, so they survive restarts and are shared by every node. Each is stored whole,
 * serialized and sealed with AES-GCM under the master key (so the bytes read back are known to be
 * ours, and a database dump reveals no live code or token); lookups use the SHA-256 of each token
 * value. Deserialization is further limited to the JDK and Spring Security types by a filter.
 */
@Component
public class SealedAuthorizations implements OAuth2AuthorizationService {
    private static final ObjectInputFilter ALLOWED = ObjectInputFilter.Config.createFilter(
            "maxdepth=30;maxrefs=10000;maxbytes=1000000;java.**;org.springframework.security.**;dev.janua.server.hosted.*;!*");
    /** Attribute of every authorization once stored (see {@link #save}). */
    static final String STORED = "dev.janua.oidc.stored";
    private final JdbcAuthorizations store;
    private final SecretBox box;
    private final Clock clock;

    public SealedAuthorizations(JdbcAuthorizations store, SecretBox box, Clock clock) {
        this.store = store;
        this.box = box;
        this.clock = clock;
    }

    /**
     * An authorization that came from the store is only ever updated, never inserted again: a token
     * request that loaded it before "remove access" (or reuse detection) deleted it must not bring it
     * back with fresh tokens. It is known by {@link #STORED}, an attribute sealed into every stored
     * authorization, which Spring Authorization Server copies along ({@code OAuth2Authorization.from}).
     * When its row is gone the request fails with {@code invalid_grant}. Only an authorization the
     * server has just created (an authorization, device or client-credentials request, a token
     * exchange) is inserted. Rows sealed before the attribute existed get it when read
     * ({@link #openAny}), so they are protected the same way.
     */
    @Override
    public void save(OAuth2Authorization a) {
        if (Boolean.TRUE.equals(a.getAttribute(STORED))) {
            if (!store.update(row(a))) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The authorization was revoked.", null));
            }
            return;
        }
        JdbcAuthorizations.Row row = row(OAuth2Authorization.from(a).attribute(STORED, Boolean.TRUE).build());
        if (!store.update(row)) store.insert(row);
    }

    private JdbcAuthorizations.Row row(OAuth2Authorization a) {
        return new JdbcAuthorizations.Row(a.getId(), a.getRegisteredClientId(), a.getPrincipalName(),
                hash(a.getAttribute(OAuth2ParameterNames.STATE)), hash(a.getToken(OAuth2AuthorizationCode.class)),
                hash(a.getToken(OAuth2AccessToken.class)), hash(a.getToken(OAuth2RefreshToken.class)),
                hash(a.getToken(OidcIdToken.class)), hash(a.getToken(OAuth2DeviceCode.class)),
                hash(a.getToken(OAuth2UserCode.class)), expiry(a), seal(a));
    }

    @Override
    public void remove(OAuth2Authorization a) {
        store.delete(a.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return store.sealedById(id).map(s -> open(s, id)).orElse(null);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType type) {
        if (token == null || token.isEmpty() || token.length() > 8192) return null;
        String h = Hashes.sha256Hex(token);
        Optional<String> sealed;
        if (type == null) {
            sealed = store.sealedByAnyHash(h);
        } else {
            String column = switch (type.getValue()) {
                case OAuth2ParameterNames.STATE -> "state_hash";
                case OAuth2ParameterNames.CODE -> "code_hash";
                case OAuth2ParameterNames.ACCESS_TOKEN -> "access_token_hash";
                case OAuth2ParameterNames.REFRESH_TOKEN -> "refresh_token_hash";
                case OidcParameterNames.ID_TOKEN -> "id_token_hash";
                case OAuth2ParameterNames.DEVICE_CODE -> "device_code_hash";
                case OAuth2ParameterNames.USER_CODE -> "user_code_hash";
                default -> null;
            };
            if (column == null) return null;
            if (column.equals("user_code_hash")) h = Hashes.sha256Hex(UserCodes.normalise(token));
            sealed = store.sealedByHash(column, h);
        }
        return sealed.map(s -> openAny(s)).orElse(null);
    }

    /** Rows are kept until the last of their tokens has expired (a sweeper may delete them after). */
    private Instant expiry(OAuth2Authorization a) {
        Instant latest = Stream.of(a.getToken(OAuth2AuthorizationCode.class), a.getToken(OAuth2AccessToken.class),
                        a.getToken(OAuth2RefreshToken.class), a.getToken(OidcIdToken.class),
                        a.getToken(OAuth2DeviceCode.class), a.getToken(OAuth2UserCode.class))
                .filter(t -> t != null && t.getToken().getExpiresAt() != null)
                .map(t -> t.getToken().getExpiresAt())
                .max(Instant::compareTo).orElse(null);
        // an authorization waiting for consent holds no token yet
        return latest != null ? latest : clock.instant().plusSeconds(3600);
    }

    private static String hash(Object value) {
        if (value instanceof String s) return Hashes.sha256Hex(s);
        if (value instanceof OAuth2Authorization.Token<?> t) {
            OAuth2Token token = t.getToken();
            return Hashes.sha256Hex(token.getTokenValue());
        }
        return null;
    }

    private String seal(OAuth2Authorization a) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        } catch (IOException e) {
            throw new IllegalStateException("authorization cannot be serialized", e);
        }
        return box.seal(Base64.getEncoder().encodeToString(bytes.toByteArray()), "oidc-authorization");
    }

    private OAuth2Authorization open(String sealed, String expectedId) {
        OAuth2Authorization a = openAny(sealed);
        return a != null && a.getId().equals(expectedId) ? a : null;
    }

    private OAuth2Authorization openAny(String sealed) {
        byte[] raw = Base64.getDecoder().decode(box.open(sealed, "oidc-authorization"));
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(raw))) {
            in.setObjectInputFilter(ALLOWED);
            OAuth2Authorization a = (OAuth2Authorization) in.readObject();
            // a row sealed before the marker existed: it came from the store all the same
            return Boolean.TRUE.equals(a.getAttribute(STORED)) ? a : OAuth2Authorization.from(a).attribute(STORED, Boolean.TRUE).build();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("stored authorization cannot be read", e);
        }
    }
}
