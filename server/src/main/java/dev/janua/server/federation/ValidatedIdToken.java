package dev.janua.server.federation;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.Map;

/** An ID token that passed {@link IdTokenValidator}: its subject and claims. */
public record ValidatedIdToken(String subject, JWTClaimsSet claims) {
    public String string(String claim) {
        try {
            return claims.getStringClaim(claim);
        } catch (ParseException e) {
            return null;
        }
    }

    /** {@code email_verified} as a boolean; some providers (Apple) send the string "true". */
    public boolean emailVerified() {
        Object v = claims.getClaim("email_verified");
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    public Map<String, Object> asMap() {
        return claims.toJSONObject();
    }
}
