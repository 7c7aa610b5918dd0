package dev.janua.server.tokens.web;

import dev.janua.server.platform.security.Caller;
import dev.janua.server.platform.web.JanuaApi;
import dev.janua.server.tokens.app.SigningKeyRing;
import dev.janua.server.users.PlatformAdmins;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;

/** Platform admins can rotate the signing key at once (e.g. after a suspected leak of the master key). */
@Tag(name = "Keys")
@JanuaApi
public class SigningKeyAdminController {
    private final SigningKeyRing keys;
    private final PlatformAdmins admins;

    public SigningKeyAdminController(SigningKeyRing keys, PlatformAdmins admins) {
        this.keys = keys;
        this.admins = admins;
    }

    @Operation(summary = "Rotate the access-token signing key; the old key stays published for token lifetime + overlap")
    @PostMapping("/admin/signing-keys/rotate")
    public Map<String, Object> rotate(Caller caller) {
        admins.require(caller);
        SigningKeyRing.Snapshot s = keys.rotate();
        return Map.of("activeKid", s.activeKid(), "publishedKids",
                s.publicSet().getKeys().stream().map(k -> k.getKeyID()).toList());
    }
}
