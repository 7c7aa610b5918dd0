package dev.janua.server.mfa.app;

import dev.janua.server.mfa.app.FactorChecks.SmsPurpose;
import dev.janua.server.mfa.persistence.JdbcFactorRepository;
import dev.janua.server.mfa.persistence.JdbcFactorRepository.SmsCodeRow;
import dev.janua.server.notifications.SmsSender;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.ratelimit.RateLimitCategory;
import dev.janua.server.ratelimit.RateLimits;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.UserDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Codes sent by SMS: 6 digits, 5 minutes, 5 attempts (SECURITY.md). Used to verify a phone
 * number (purpose {@code phone}), to enrol SMS as a second factor ({@code mfa_setup}) and to pass
 * a sign-in challenge ({@code signin}; attempts are then the challenge's).
 */
@Service
public class SmsCodes {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private final JdbcFactorRepository factors;
    private final RateLimits rateLimits;
    private final SmsSender sms;
    private final MessageSource messages;
    private final UserDirectory users;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Duration ttl;
    private final int maxAttempts;
    private final String appName;

    public SmsCodes(JdbcFactorRepository factors, SmsSender sms, MessageSource messages, UserDirectory users, EventPublisher events,
                    TransactionTemplate tx, Clock clock, MfaProperties properties, RateLimits rateLimits) {
        this.rateLimits = rateLimits;
        this.factors = factors;
        this.sms = sms;
        this.messages = messages;
        this.users = users;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.ttl = properties.smsCodeTtl();
        this.maxAttempts = properties.maxAttempts();
        this.appName = properties.issuer();
    }

    public record Sent(String phoneNumberHint, Instant expiresAt) {}

    /** E.164 ({@code +14155550123}); spaces, dashes, dots and brackets are dropped first. */
    public static String requireE164(String phone) {
        String p = phone == null ? "" : phone.replaceAll("[\\s\\-().]", "");
        if (!E164.matcher(p).matches()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "phoneNumber", "reason", "must be E.164, e.g. +14155550123"));
        }
        return p;
    }

    public static String hint(String phone) {
        return phone.length() <= 4 ? "****" : "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
    }

    /** Issues a new code (voiding the previous one of the same purpose) and texts it; joins or opens a transaction. */
    public Sent send(String userId, String purpose, String phone, String challengeHash, Locale locale, ClientInfo client) {
        // Texts cost money and reach third parties: a few per hour per account and per number
        // (against SMS pumping and against guessing through fresh codes).
        rateLimits.check(RateLimitCategory.SMS, "user:" + userId);
        rateLimits.check(RateLimitCategory.SMS, "phone:" + phone);
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant now = clock.instant();
        tx.executeWithoutResult(t -> {
            factors.replaceSmsCode(userId, purpose, phone, FactorChecks.smsCodeHash(userId, purpose, code), challengeHash, now, now.plus(ttl));
            events.publish(DomainEvent.of("mfa.sms_code_sent", userId, userId, Map.of("userId", userId, "purpose", purpose)), client);
            sms.send(phone, text(code, locale));
        });
        return new Sent(hint(phone), now.plus(ttl));
    }

    private String text(String code, Locale locale) {
        return messages.getMessage("sms.code", null, locale)
                .replace("{app}", appName).replace("{code}", code).replace("{minutes}", String.valueOf(ttl.toMinutes()));
    }

    /**
     * Confirms a phone-verification or SMS-enrolment code. The attempt is taken first in its own
     * statement (committed even when the code is wrong); the effects of a right code commit together.
     */
    public String confirm(String userId, String purpose, String code, ClientInfo client) {
        if (code == null || code.isBlank()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "code", "reason", "required"));
        }
        Instant now = clock.instant();
        if (!factors.takeSmsAttempt(userId, purpose, maxAttempts, now)) throw new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED);
        SmsCodeRow row = factors.findSmsCode(userId, purpose).orElseThrow(() -> new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED));
        String hash = FactorChecks.smsCodeHash(userId, purpose, code);
        if (!Hashes.constantTimeEquals(hash, row.codeHash())) {
            throw new JanuaException(ErrorCode.INVALID_MFA_CODE,
                    Map.of("method", "sms", "attempts_remaining", Math.max(0, maxAttempts - row.attempts())));
        }
        tx.executeWithoutResult(t -> {
            if (!factors.useSmsCode(userId, purpose, hash, now)) throw new JanuaException(ErrorCode.TOKEN_INVALID_OR_EXPIRED);
            users.setVerifiedPhone(userId, row.phoneNumber(), client);
            if (SmsPurpose.MFA_SETUP.equals(purpose)) {
                factors.replaceSmsFactor(userId, row.phoneNumber(), now);
                users.setMfaEnabled(userId, true);
                events.publish(DomainEvent.of("mfa.enabled", userId, userId,
                        Map.of("userId", userId, "method", "sms", "restricted", true)), client);
            }
        });
        return row.phoneNumber();
    }

    public Optional<String> enrolledPhone(String userId) {
        return factors.smsPhone(userId);
    }
}
