package dev.janua.server.auth.app;

import dev.janua.server.notifications.Mailer;
import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.platform.web.PublicUrl;
import dev.janua.server.ratelimit.RateLimitCategory;
import dev.janua.server.ratelimit.RateLimits;
import dev.janua.server.tokens.OneTimeTokens;
import dev.janua.server.tokens.OneTimeTokens.Purpose;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Email ownership: a 24-hour single-use token by email, confirmed over the API or by the link. */
@Service
public class EmailVerificationService {
    private final OneTimeTokens oneTime;
    private final UserDirectory users;
    private final Mailer mailer;
    private final PublicUrl publicUrl;
    private final RateLimits rateLimits;
    private final Duration ttl;

    public EmailVerificationService(OneTimeTokens oneTime, UserDirectory users, Mailer mailer, PublicUrl publicUrl,
                                    RateLimits rateLimits, JanuaProperties properties) {
        this.oneTime = oneTime;
        this.users = users;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.rateLimits = rateLimits;
        this.ttl = properties.tokens().emailVerificationTtl();
    }

    @Transactional
    public void send(String userId, Locale locale) {
        User user = users.findById(userId).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND));
        if (user.emailVerified()) throw new JanuaException(ErrorCode.EMAIL_ALREADY_VERIFIED);
        rateLimits.check(RateLimitCategory.EMAIL_VERIFICATION, user.email().toLowerCase(Locale.ROOT)); // 5 per hour by default
        sendFor(user, locale);
    }

    /** Issues a fresh token (voiding older ones) and emails it. Joins the caller's transaction. */
    @Transactional
    public void sendFor(User user, Locale locale) {
        oneTime.revokeAll(Purpose.EMAIL_VERIFICATION, user.id());
        String token = oneTime.issue(Purpose.EMAIL_VERIFICATION, user.id(), user.email(), ttl, null);
        String link = publicUrl.base() + "/hosted/verify-email?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        mailer.send("verify_email", locale, user.email(), Map.of("name", user.displayName(), "link", link, "token", token,
                "hours", String.valueOf(ttl.toHours())));
    }

    @Transactional
    public User confirm(String token, ClientInfo client) {
        OneTimeTokens.Redeemed redeemed = oneTime.redeem(Purpose.EMAIL_VERIFICATION, token)
                .orElseThrow(() -> new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED));
        User user = users.findById(redeemed.userId()).orElseThrow(() -> new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED));
        if (!user.email().equalsIgnoreCase(redeemed.email())) throw new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED);
        users.markEmailVerified(user.id(), client);
        return users.findById(user.id()).orElseThrow();
    }
}
