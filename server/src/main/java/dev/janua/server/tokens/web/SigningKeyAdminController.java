package dev.janua.server.tokens.web;

import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.tokens.app.SigningKeyRing;
import dev.janua.server.tokens.app.SigningKeyRotation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;

/** Platform admins can rotate the signing key at once (e.g. after a suspected leak of the master key). */
@Tag(name = "Keys")
@JanuaApi
public class SigningKeyAdminController {
    private final SigningKeyRotation rotation;

    public SigningKeyAdminController(SigningKeyRotation rotation) {
        this.rotation = rotation;
    }

    @Operation(summary = "Rotate the access-token signing key; the old key stays published for token lifetime + overlap")
    @PostMapping("/admin/signing-keys/rotate")
    public Map<String, Object> rotate(Caller caller, ClientInfo client) {
        SigningKeyRing.Snapshot s = rotation.rotate(caller, client);
        return Map.of("activeKid", s.activeKid(), "publishedKids",
                s.publicSet().getKeys().stream().map(k -> k.getKeyID()).toList());
    }
}
