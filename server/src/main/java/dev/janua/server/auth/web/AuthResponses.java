package dev.janua.server.auth.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Response bodies of the auth endpoints. The sign-in / sign-up shape (DESIGN.md) is the public
 * {@link dev.janua.server.auth.SignInResponse}, shared with the other ways in.
 */
final class AuthResponses {
    private AuthResponses() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(boolean success, String message, Integer sessionsInvalidated) {
        static Message of(String message) {
            return new Message(true, message, null);
        }
    }
}
