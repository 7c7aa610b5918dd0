package dev.janua.server.auth.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.janua.server.auth.SignInResult;
import dev.janua.server.tokens.AccessTokens.IssuedAccessToken;
import dev.janua.server.users.UserView;
import java.time.Instant;

/** Response bodies of the auth endpoints (DESIGN.md: sign-in / sign-up shape). */
final class AuthResponses {
    private AuthResponses() {}

    record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType, Instant expiresAt) {
        static Tokens of(IssuedAccessToken access, String refresh) {
            return new Tokens(access.token(), refresh, access.expiresInSeconds(), "Bearer", access.expiresAt());
        }
    }

    record SessionRef(String id, Instant expiresAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuthResponse(UserView user, Tokens tokens, SessionRef session, boolean requiresMfa,
                        Boolean requiresEmailVerification) {
        static AuthResponse of(SignInResult r, Boolean requiresEmailVerification) {
            return new AuthResponse(UserView.of(r.user()), Tokens.of(r.accessToken(), r.refreshToken()),
                    new SessionRef(r.session().id(), r.session().expiresAt()), false, requiresEmailVerification);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(boolean success, String message, Integer sessionsInvalidated) {
        static Message of(String message) {
            return new Message(true, message, null);
        }
    }
}
