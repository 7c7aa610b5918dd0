package dev.janua.server.tokens.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.tokens.AccessTokens;
import dev.janua.server.tokens.app.SigningKeyRing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** RFC 7517 JWK Set of the access-token signing keys, and the discovery document that points to it. */
@Tag(name = "Keys", description = "JWKS and discovery for verifying access tokens")
@RestController
public class JwksController {
    private final SigningKeyRing keys;
    private final AccessTokens tokens;
    private final PublicUrl publicUrl;

    public JwksController(SigningKeyRing keys, AccessTokens tokens, PublicUrl publicUrl) {
        this.keys = keys;
        this.tokens = tokens;
        this.publicUrl = publicUrl;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .body(keys.current().publicSet().toJSONObject(true));
    }

    /** The subset of OpenID Connect Discovery that describes Janua's tokens today. */
    @GetMapping(value = "/.well-known/openid-configuration", produces = "application/json")
    public Map<String, Object> discovery() {
        String base = publicUrl.base();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", tokens.issuer());
        doc.put("jwks_uri", base + "/.well-known/jwks.json");
        doc.put("userinfo_endpoint", base + "/api/v1/auth/me");
        doc.put("id_token_signing_alg_values_supported", List.of(keys.algorithm().getName()));
        doc.put("token_endpoint_auth_methods_supported", List.of("none"));
        return doc;
    }
}
