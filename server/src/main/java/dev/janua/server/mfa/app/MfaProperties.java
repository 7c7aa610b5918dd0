package dev.janua.server.mfa.app;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code janua.mfa.*} ({@code JANUA_MFA_*}); defaults from SECURITY.md. {@code codeCheckLimit}
 * authenticator or backup codes may be tried per user per {@code codeCheckWindow}, across all
 * challenges and signed-in checks (a right code resets the count).
 */
@ConfigurationProperties("janua.mfa")
public record MfaProperties(
        @DefaultValue("Janua") String issuer,
        @DefaultValue("5m") Duration challengeTtl,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("30d") Duration trustedDeviceTtl,
        @DefaultValue("5m") Duration smsCodeTtl,
        @DefaultValue("1") int totpWindow,
        @DefaultValue("10") int codeCheckLimit,
        @DefaultValue("15m") Duration codeCheckWindow) {}
