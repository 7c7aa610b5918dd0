package dev.janua.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.tokens.AccessTokens.IssuedAccessToken;
import dev.janua.server.users.UserView;
import java.time.Instant;
import java.util.List;

/**
 * The body of every sign-in and sign-up answer (DESIGN.md): {@code user}, {@code tokens},
 * {@code session}, {@code requiresMfa: false}; or, when a second factor is due,
 * {@code requiresMfa: true} with {@code mfaToken} and {@code methods} and no tokens. Public so the
 * other ways in (magic link, passkeys, social) answer with exactly the same shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignInResponse(UserView user, Tokens tokens, SessionRef session, boolean requiresMfa,
                             Boolean requiresEmailVerification, Boolean requiresMfaEnrollment, String mfaToken,
                             List<String> methods, Instant mfaTokenExpiresAt, DeviceTrust trustedDevice) {

    public record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType, Instant expiresAt) {
        public static Tokens of(IssuedAccessToken access, String refresh) {
            return new Tokens(access.token(), refresh, access.expiresInSeconds(), "Bearer", access.expiresAt());
        }
    }

    public record SessionRef(String id, Instant expiresAt) {}

    /** The trusted-device token, returned once; present it as {@code deviceToken} (or the cookie) at later sign-ins. */
    public record DeviceTrust(String id, String deviceToken, Instant expiresAt) {}

    public static SignInResponse of(SignInResult r, Boolean requiresEmailVerification) {
        return new SignInResponse(UserView.of(r.user()), Tokens.of(r.accessToken(), r.refreshToken()),
                new SessionRef(r.session().id(), r.session().expiresAt()), false, requiresEmailVerification,
                null, null, null, null, null);
    }

    public static SignInResponse of(SignInOutcome outcome) {
        return switch (outcome) {
            case SignInOutcome.Completed c -> {
                SignInResponse base = of(c.result(), null);
                DeviceTrust trust = c.trustedDevice() == null ? null
                        : new DeviceTrust(c.trustedDevice().id(), c.trustedDevice().token(), c.trustedDevice().expiresAt());
                yield new SignInResponse(base.user(), base.tokens(), base.session(), false, null, null, null, null, null, trust);
            }
            case SignInOutcome.SecondFactorRequired s -> new SignInResponse(null, null, null, true, null,
                    s.enrollment() ? Boolean.TRUE : null, s.mfaToken(), s.methods(), s.expiresAt(), null);
        };
    }
}
