package dev.janua.server.auth.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Map;

/** Request bodies of the auth endpoints; keys arrive camelCase or snake_case. */
final class AuthRequests {
    private AuthRequests() {}

    record SignUpRequest(String email, String password, String firstName, String lastName, String name,
                         String username, Map<String, Object> metadata) {}

    record SignInRequest(String email, String password, Boolean rememberMe, String deviceToken) {}

    record RefreshRequest(String refreshToken) {}

    record SignOutRequest(String refreshToken) {}

    record ForgotPasswordRequest(String email) {}

    record ResetPasswordRequest(String token, @JsonAlias({"password", "new_password"}) String newPassword) {}

    record TokenRequest(String token) {}

    record ChangePasswordRequest(String currentPassword, String newPassword, Boolean logoutOtherSessions) {}

    record DeleteAccountRequest(String password, String confirmation) {}
}
