package dev.janua.server.auth.app;

import dev.janua.server.notifications.Mailer;
import dev.janua.server.notifications.NotificationJob;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.tokens.OneTimeTokens;
import dev.janua.server.tokens.OneTimeTokens.Purpose;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserStatus;
import java.time.Clock;
import java.time.Duration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The second half of forgot-password, run by the outbox worker off the request path (see
 * {@link PasswordService#forgot}): for an active account, older reset links are voided, a new
 * token issued and the reset email queued, all in the worker's transaction; for any other email
 * the job simply completes. The request that asked cannot tell which happened, and neither can
 * its response time.
 */
@Component
class PasswordResetJob implements NotificationJob {
    static final String KIND = "password_reset_requested";
    /** Longer than any address an account can have: such input is queued like any other, but finds nothing. */
    private static final int MAX_EMAIL = 320;
    private final UserDirectory users;
    private final OneTimeTokens oneTime;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final Duration resetTtl;
    private final Clock clock;

    PasswordResetJob(UserDirectory users, OneTimeTokens oneTime, Mailer mailer, PublicUrl publicUrl, JanuaProperties properties,
                     Clock clock) {
        this.users = users;
        this.oneTime = oneTime;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.resetTtl = properties.tokens().passwordResetTtl();
        this.clock = clock;
    }

    /** The same keys for every email; an over-long one is carried as empty (and the sealed row stays small). */
    static Map<String, String> payload(String normalizedEmail, Locale locale) {
        return Map.of("email", normalizedEmail.length() > MAX_EMAIL ? "" : normalizedEmail, "locale", locale.toLanguageTag());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Map<String, String> payload, Instant requestedAt) {
        String email = payload.getOrDefault("email", "");
        // a request held up longer than a link would live (an outage) is not answered hours later
        if (email.isEmpty() || requestedAt.plus(resetTtl).isBefore(clock.instant())) return;
        Optional<User> user = users.findByEmail(email);
        if (user.isEmpty() || user.get().status() != UserStatus.ACTIVE) return;
        User u = user.get();
        oneTime.revokeAll(Purpose.PASSWORD_RESET, u.id());
        String token = oneTime.issue(Purpose.PASSWORD_RESET, u.id(), u.email(), resetTtl, null);
        Locale locale = Locale.forLanguageTag(payload.getOrDefault("locale", "en"));
        // the link lands on the hosted reset page; the token and endpoint stay for API-only integrations
        mailer.send("password_reset", locale, u.email(), Map.of("name", u.displayName(), "token", token,
                "endpoint", publicUrl.base() + "/api/v1/auth/password/reset",
                "link", publicUrl.base() + "/hosted/reset-password?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                "minutes", String.valueOf(resetTtl.toMinutes())));
    }
}
