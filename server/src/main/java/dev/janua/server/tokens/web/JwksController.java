package dev.janua.server.tokens.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.tokens.app.SigningKeyRing;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 7517 JWK Set of the signing keys (access tokens, and the OpenID Provider's ID tokens). The
 * discovery document that points to it is the OpenID Provider's ({@code oidc} module).
 *
 * <p>Resource servers fetch this on every start and every unknown {@code kid}, so it is served from
 * bytes computed once per key set, with a strong ETag ({@code If-None-Match} answers 304) and a
 * public max-age. A key rotated on any node shows here within {@link SigningKeyRing}'s reload interval
 * (at once on the rotating node, and on others as soon as the rotation's notification arrives).
 */
@Tag(name = "Keys", description = "JWKS and discovery for verifying access tokens")
@RestController
public class JwksController {
    private final SigningKeyRing keys;
    private volatile Body body;

    /** The serialised set of one key-ring snapshot. */
    private record Body(SigningKeyRing.Snapshot keys, byte[] json, String etag) {}

    public JwksController(SigningKeyRing keys) {
        this.keys = keys;
    }

    @GetMapping(value = "/.well-known/jwks.json", produces = "application/json")
    @ApiResponse(responseCode = "200", description = "The JWK Set",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    public ResponseEntity<byte[]> jwks() {
        Body b = body();
        // Spring answers 304 for a matching If-None-Match (strong comparison of the ETag set here)
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
                .eTag(b.etag()).contentType(MediaType.APPLICATION_JSON).body(b.json());
    }

    private Body body() {
        SigningKeyRing.Snapshot current = keys.reloadIfStale();
        Body b = body;
        if (b != null && b.keys() == current) return b;
        String json = current.publicSet().toString(true);
        b = new Body(current, json.getBytes(StandardCharsets.UTF_8), "\"" + Hashes.sha256Hex(json).substring(0, 32) + "\"");
        body = b;
        return b;
    }
}
