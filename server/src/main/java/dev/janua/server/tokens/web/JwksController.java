package dev.janua.server.tokens.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import dev.janua.server.tokens.app.SigningKeyRing;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 7517 JWK Set of the signing keys (access tokens, and the OpenID Provider's ID tokens). The
 * discovery document that points to it is the OpenID Provider's ({@code oidc} module).
 */
@Tag(name = "Keys", description = "JWKS and discovery for verifying access tokens")
@RestController
public class JwksController {
    private final SigningKeyRing keys;

    public JwksController(SigningKeyRing keys) {
        this.keys = keys;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .body(keys.current().publicSet().toJSONObject(true));
    }
}
