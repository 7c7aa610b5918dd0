package dev.janua.server.platform.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code JANUA_*} setting in one typed record (bound from {@code janua.*}; environment
 * variables map by Spring's relaxed binding, e.g. {@code JANUA_BASE_URL → janua.base-url}).
 */
@ConfigurationProperties("janua")
public record JanuaProperties(
        @DefaultValue("development") String env,
        @DefaultValue("./data") String dataDir,
        @DefaultValue("") String databaseUrl,
        @DefaultValue("") String redisUrl,
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String masterKey,
        @DefaultValue("") String smtpUrl,
        @DefaultValue("Janua <no-reply@janua.local>") String mailFrom,
        @DefaultValue("") String adminEmail,
        @DefaultValue("") String adminPassword,
        @DefaultValue("1048576") long maxRequestBytes,
        @DefaultValue("false") boolean trustProxy,
        @DefaultValue Tokens tokens,
        @DefaultValue Sessions sessions,
        @DefaultValue Passwords passwords) {

    public boolean isProduction() {
        return "production".equalsIgnoreCase(env);
    }

    public record Tokens(
            @DefaultValue("") String issuer,
            @DefaultValue("janua") String audience,
            @DefaultValue("RS256") String algorithm,
            @DefaultValue("1h") Duration accessTokenTtl,
            @DefaultValue("30d") Duration signingKeyRotation,
            @DefaultValue("2h") Duration signingKeyOverlap,
            @DefaultValue("24h") Duration emailVerificationTtl,
            @DefaultValue("1h") Duration passwordResetTtl,
            // access tokens already verified on this node, by exact token string (0 turns the cache off)
            @DefaultValue("4096") int verifiedCacheEntries,
            /** RS256 signatures: auto (AWS-LC when it loads, else the JDK), native, java. */
            @DefaultValue("auto") String rsaImplementation) {
        public Tokens {
            rsaImplementation = dev.janua.server.platform.crypto.RsaSignatures.choice(rsaImplementation);
        }
    }

    public record Sessions(
            @DefaultValue("24h") Duration absoluteTimeout,
            @DefaultValue("30m") Duration idleTimeout,
            @DefaultValue("30d") Duration rememberMeTimeout,
            @DefaultValue("60s") Duration activityResolution,
            // how long the refresh token just spent may be presented again for the same successor (0 turns it off)
            @DefaultValue("10s") Duration refreshReuseGrace) {}

    public record Passwords(
            @DefaultValue("8") int minLength,
            @DefaultValue("128") int maxLength,
            @DefaultValue("19456") int argon2MemoryKib,
            @DefaultValue("2") int argon2Iterations,
            @DefaultValue("1") int argon2Parallelism,
            @DefaultValue("5") int lockoutThreshold,
            @DefaultValue("15m") Duration lockoutDuration,
            @DefaultValue("100") int hardLockoutThreshold,
            /** How long the failure count of an email without an account is kept once it is not locked. */
            @DefaultValue("365d") Duration unknownEmailRetention,
            /** Argon2id implementation: auto (native libargon2 when installed, else Java), native, java. */
            @DefaultValue("auto") String argon2Implementation) {
        /**
         * Checked here, when the configuration is bound: the engine itself is chosen in the background
         * (auto, java), where a misspelt value would only surface as a failed first sign-in.
         */
        public Passwords {
            String choice = argon2Implementation == null ? "" : argon2Implementation.trim().toLowerCase(java.util.Locale.ROOT);
            if (!choice.isEmpty() && !java.util.Set.of("auto", "native", "java").contains(choice)) {
                throw new IllegalArgumentException("janua.passwords.argon2-implementation (JANUA_PASSWORDS_ARGON2_IMPLEMENTATION)"
                        + " must be auto, native or java, not '" + argon2Implementation + "'");
            }
        }
    }

    /** The public URL of this server, for links in emails and the token issuer. */
    public String publicBaseUrl(int port) {
        return baseUrl.isBlank() ? "http://localhost:" + port : baseUrl.replaceAll("/+$", "");
    }
}
