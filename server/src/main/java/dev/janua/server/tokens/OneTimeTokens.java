package dev.janua.server.tokens;

import java.time.Duration;
import java.util.Optional;

/**
 * Single-use, purpose-bound secrets (email verification, password reset, magic link, invitation,
 * MFA challenge): 256 random bits given to the user, only the SHA-256 kept.
 */
public interface OneTimeTokens {
    String issue(Purpose purpose, String userId, String email, Duration ttl, String data);

    /** Atomically marks the token used; empty when unknown, expired, used, or of another purpose. */
    Optional<Redeemed> redeem(Purpose purpose, String rawToken);

    /**
     * The owner of a live token without spending it: lets a caller do slow work (hash a new password)
     * before the transaction that {@linkplain #redeem redeems} it. Not a substitute for redeeming.
     */
    Optional<Redeemed> peek(Purpose purpose, String rawToken);

    /** Voids every unused token of this purpose for the user (e.g. older reset links after a reset). */
    void revokeAll(Purpose purpose, String userId);

    enum Purpose {
        EMAIL_VERIFICATION("evt"), PASSWORD_RESET("prt"), MAGIC_LINK("mlt"), INVITATION("inv"), MFA_CHALLENGE("tmp"),
        /** The short-lived code a magic-link redirect carries instead of tokens; the app exchanges it by POST. */
        MAGIC_LINK_EXCHANGE("mlc"),
        /** The short-lived code a social-login redirect hands the application; exchanged by POST for the session. */
        SOCIAL_EXCHANGE("oac");

        private final String prefix;

        Purpose(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    record Redeemed(String userId, String email, String data) {}
}
