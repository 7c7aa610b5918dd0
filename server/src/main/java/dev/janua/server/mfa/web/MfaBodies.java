package dev.janua.server.mfa.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** Request and response bodies of the MFA endpoints; requests accept camelCase and snake_case. */
final class MfaBodies {
    private MfaBodies() {}

    record SetupRequest(@JsonAlias({"method"}) String type, @JsonAlias({"phone"}) String phoneNumber,
                        @JsonAlias({"tempToken", "temp_token"}) String mfaToken) {}

    record CodeRequest(String code, @JsonAlias({"method"}) String type) {}

    record ReauthRequest(String password, String code) {}

    record PhoneRequest(@JsonAlias({"phone"}) String phoneNumber) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SetupResponse(String type, String secret, String otpauthUri, String qrCodeUrl, String qrCode,
                         List<String> backupCodes, Boolean sent, String phoneNumber, Instant expiresAt, Boolean restricted) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VerifyResponse(boolean verified, boolean mfaEnabled, String method, Boolean restricted, String message) {}

    record BackupCodesStatus(int remaining, int total, Instant generatedAt) {}

    record BackupCodesResponse(List<String> backupCodes, int remaining, int total) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusResponse(boolean enabled, boolean required, List<MethodView> methods, BackupCodesStatus backupCodes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MethodView(String type, boolean enabled, Boolean pending, String phoneNumber, Boolean restricted) {}

    record CodeSent(boolean sent, String phoneNumber, Instant expiresAt) {}

    record TrustedDeviceView(String id, String userAgent, String ipAddress, Instant createdAt, Instant expiresAt,
                             Instant lastUsedAt) {}
}
