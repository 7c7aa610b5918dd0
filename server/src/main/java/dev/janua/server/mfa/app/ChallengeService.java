package dev.janua.server.mfa.app;

import dev.janua.server.mfa.ExternalSecondFactor;
import dev.janua.server.mfa.MfaMethods;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.mfa.app.FactorChecks.SmsPurpose;
import dev.janua.server.mfa.domain.BackupCodes;
import dev.janua.server.mfa.persistence.JdbcChallengeRepository;
import dev.janua.server.mfa.persistence.JdbcChallengeRepository.ChallengeRow;
import dev.janua.server.mfa.persistence.JdbcFactorRepository;
import dev.janua.server.platform.crypto.Hashes;
import dev.janua.server.platform.crypto.RandomTokens;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second step of sign-in. A challenge is a {@code tmp_…} secret (SHA-256 at rest) valid 5
 * minutes for 5 codes; kind {@code signin} asks for an enrolled factor, kind {@code enrollment}
 * (MFA required by policy, none enrolled) for a code from the authenticator being set up.
 */
@Service
public class ChallengeService implements SecondFactors {
    static final String SIGNIN = "signin";
    static final String ENROLLMENT = "enrollment";
    /**
     * An enrolment for a user who already has SMS: a policy requires an authenticator app, but the
     * password alone must not let anyone enrol one (and so take the account) — the SMS factor is
     * asked for first, then the challenge becomes an ordinary enrolment.
     */
    static final String ENROLLMENT_AFTER_SMS = "enrollment_sms";

    private final JdbcChallengeRepository challenges;
    private final JdbcFactorRepository factors;
    private final FactorChecks checks;
    private final MfaAccountService accounts;
    private final TrustedDeviceService devices;
    private final CodeCheckGuard guard;
    private final SmsCodes sms;
    private final MfaPolicy policy;
    private final List<ExternalSecondFactor> external;
    private final RandomTokens random;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration ttl;
    private final int maxAttempts;

    ChallengeService(JdbcChallengeRepository challenges, JdbcFactorRepository factors, FactorChecks checks, MfaAccountService accounts,
                     TrustedDeviceService devices, CodeCheckGuard guard, SmsCodes sms, MfaPolicy policy, RandomTokens random, EventPublisher events,
                     TransactionTemplate tx, Clock clock, MfaProperties properties, List<ExternalSecondFactor> external) {
        this.external = List.copyOf(external);
        this.challenges = challenges;
        this.factors = factors;
        this.checks = checks;
        this.accounts = accounts;
        this.devices = devices;
        this.guard = guard;
        this.sms = sms;
        this.policy = policy;
        this.random = random;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.ttl = properties.challengeTtl();
        this.maxAttempts = properties.maxAttempts();
    }

    /**
     * A policy is satisfied only by an authenticator app: SMS is a restricted authenticator and
     * never the only factor a policy accepts. Otherwise any enrolled factor is asked for, unless
     * the device is trusted. A passkey ({@link ExternalSecondFactor}) satisfies a policy and is
     * offered whenever a challenge is due, but does not by itself make a password sign-in ask for one.
     */
    @Override
    public Decision decide(String userId, String deviceToken) {
        boolean totp = accounts.hasConfirmedTotp(userId);
        boolean any = totp || factors.smsPhone(userId).isPresent();
        if (!totp && policy.requiredFor(userId)) {
            if (external.stream().noneMatch(f -> f.enrolled(userId))) return Decision.ENROLLMENT;
            any = true;
        }
        if (!any) return Decision.NOT_REQUIRED;
        return devices.isTrusted(userId, deviceToken) ? Decision.TRUSTED_DEVICE : Decision.CHALLENGE;
    }

    @Override
    @Transactional
    public Challenge startChallenge(String userId, boolean enrollment, String firstFactor, boolean rememberMe, ClientInfo client) {
        String token = random.next("tmp");
        Instant now = clock.instant();
        String kind = !enrollment ? SIGNIN : factors.smsPhone(userId).isPresent() ? ENROLLMENT_AFTER_SMS : ENROLLMENT;
        challenges.insert(Hashes.sha256Hex(token), userId, kind, firstFactor, rememberMe, maxAttempts, now, now.plus(ttl));
        List<String> methods = switch (kind) {
            case ENROLLMENT -> List.of(MfaMethods.TOTP);
            case ENROLLMENT_AFTER_SMS -> List.of(MfaMethods.SMS);
            default -> methods(userId);
        };
        events.publish(DomainEvent.of("mfa.challenge_created", userId, userId,
                Map.of("userId", userId, "kind", kind, "firstFactor", firstFactor, "methods", methods)), client);
        return new Challenge(token, methods, now.plus(ttl), enrollment);
    }

    private List<String> methods(String userId) {
        List<String> m = new ArrayList<>();
        if (accounts.hasConfirmedTotp(userId)) m.add(MfaMethods.TOTP);
        if (factors.backupCodeCounts(userId).remaining() > 0) m.add(MfaMethods.BACKUP_CODE);
        if (factors.smsPhone(userId).isPresent()) m.add(MfaMethods.SMS);
        for (ExternalSecondFactor f : external) if (f.enrolled(userId)) m.add(f.method());
        return m;
    }

    /** The user of a live enrolment challenge: it lets the set-up endpoints work before any session exists. */
    public String enrollingUser(String mfaToken) {
        ChallengeRow row = live(mfaToken);
        if (!ENROLLMENT.equals(row.kind())) throw JanuaException.of(ErrorCode.MFA_TOKEN_INVALID, "reason", "not_an_enrollment");
        return row.userId();
    }

    @Override
    public VerifiedChallenge verify(String mfaToken, String method, String code, ClientInfo client) {
        if (code == null || code.isBlank()) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "code", "reason", "required"));
        }
        ChallengeRow row = live(mfaToken);
        boolean enrollment = ENROLLMENT.equals(row.kind());
        boolean smsFirst = ENROLLMENT_AFTER_SMS.equals(row.kind());
        String m = method == null || method.isBlank()
                ? (smsFirst ? MfaMethods.SMS : BackupCodes.normalize(code) != null && !enrollment ? MfaMethods.BACKUP_CODE : MfaMethods.TOTP)
                : MfaMethods.normalize(method);
        List<String> allowed = smsFirst ? List.of(MfaMethods.SMS) : enrollment ? List.of(MfaMethods.TOTP) : methods(row.userId());
        if (!allowed.contains(m)) {
            throw new JanuaException(ErrorCode.MFA_METHOD_UNAVAILABLE, Map.of("method", String.valueOf(method), "methods", allowed));
        }
        Instant now = clock.instant();
        if (!challenges.takeAttempt(row.tokenHash(), now)) throw invalidChallenge(row.tokenHash());
        // a texted code or a passkey assertion is fresh per challenge; app and backup codes are not
        boolean guarded = MfaMethods.TOTP.equals(m) || MfaMethods.BACKUP_CODE.equals(m);
        if (guarded) guard.take(row.userId());
        // an enrolment confirms the set-up this code was checked against, not whatever is pending when it completes
        String enrolledSetup = enrollment && MfaMethods.TOTP.equals(m) ? checks.pendingTotp(row.userId(), code).orElse(null) : null;
        boolean ok = switch (m) {
            case MfaMethods.TOTP -> enrollment ? enrolledSetup != null : checks.totp(row.userId(), code, true);
            case MfaMethods.BACKUP_CODE -> checks.backupCode(row.userId(), code);
            case MfaMethods.SMS -> checks.smsForChallenge(row.userId(), row.tokenHash(), code);
            default -> external.stream().filter(f -> f.method().equals(m)).findFirst()
                    .map(f -> f.verify(row.userId(), row.tokenHash(), code, client)).orElse(false);
        };
        if (!ok) {
            int remaining = challenges.find(row.tokenHash()).map(r -> Math.max(0, r.maxAttempts() - r.attempts())).orElse(0);
            tx.executeWithoutResult(t -> events.publish(DomainEvent.of("mfa.challenge_failed", row.userId(), row.userId(),
                    Map.of("userId", row.userId(), "method", m, "attemptsRemaining", remaining, "voided", remaining == 0)), client));
            throw new JanuaException(ErrorCode.INVALID_MFA_CODE, Map.of("method", m, "attempts_remaining", remaining));
        }
        if (guarded) guard.succeeded(row.userId());
        if (smsFirst && !challenges.changeKind(row.tokenHash(), ENROLLMENT_AFTER_SMS, ENROLLMENT)) {
            throw JanuaException.of(ErrorCode.MFA_TOKEN_INVALID, "reason", "used");
        }
        return new VerifiedChallenge(row.tokenHash(), row.userId(), m, row.firstFactor(), row.rememberMe(), enrollment, smsFirst,
                row.expiresAt(), enrolledSetup);
    }

    @Override
    @Transactional
    public Completion complete(VerifiedChallenge v, boolean trustDevice, ClientInfo client) {
        if (!challenges.complete(v.tokenHash(), clock.instant())) throw JanuaException.of(ErrorCode.MFA_TOKEN_INVALID, "reason", "used");
        if (v.enrollment()) accounts.activateTotp(v.userId(), v.enrolledSetup(), client);
        Map<String, Object> data = new LinkedHashMap<>(Map.of("userId", v.userId(), "method", v.method(), "context", "signin"));
        if (MfaMethods.BACKUP_CODE.equals(v.method())) data.put("backupCodesRemaining", factors.backupCodeCounts(v.userId()).remaining());
        events.publish(DomainEvent.of("mfa.verified", v.userId(), v.userId(), data), client);
        TrustedDevice device = trustDevice ? devices.trust(v.userId(), client) : null;
        return new Completion(v.userId(), v.firstFactor(), v.method(), v.rememberMe(), device);
    }

    @Override
    public SmsCodeSent sendSmsCode(String mfaToken, Locale locale, ClientInfo client) {
        ChallengeRow row = live(mfaToken);
        if (ENROLLMENT.equals(row.kind())) throw JanuaException.of(ErrorCode.MFA_METHOD_UNAVAILABLE, "method", MfaMethods.SMS);
        String phone = factors.smsPhone(row.userId())
                .orElseThrow(() -> JanuaException.of(ErrorCode.MFA_METHOD_UNAVAILABLE, "method", MfaMethods.SMS));
        SmsCodes.Sent sent = sms.send(row.userId(), SmsPurpose.SIGNIN, phone, row.tokenHash(), locale, client);
        return new SmsCodeSent(sent.phoneNumberHint(), sent.expiresAt());
    }

    @Override
    public PendingChallenge pending(String mfaToken) {
        ChallengeRow row = live(mfaToken);
        if (!SIGNIN.equals(row.kind())) throw JanuaException.of(ErrorCode.MFA_TOKEN_INVALID, "reason", "not_a_signin");
        return new PendingChallenge(row.userId(), row.tokenHash(), methods(row.userId()));
    }

    private ChallengeRow live(String mfaToken) {
        if (mfaToken == null || mfaToken.isBlank() || mfaToken.length() > 200) {
            throw JanuaException.of(ErrorCode.MFA_TOKEN_INVALID, "reason", "missing");
        }
        String hash = Hashes.sha256Hex(mfaToken.trim());
        ChallengeRow row = challenges.find(hash).orElseThrow(() -> JanuaException.of(ErrorCode.MFA_TOKEN_INVALID, "reason", "unknown"));
        if (row.completedAt() != null || !clock.instant().isBefore(row.expiresAt()) || row.attempts() >= row.maxAttempts()) {
            throw invalidChallenge(hash);
        }
        return row;
    }

    private JanuaException invalidChallenge(String hash) {
        String reason = challenges.find(hash).map(r -> r.completedAt() != null ? "used"
                : !clock.instant().isBefore(r.expiresAt()) ? "expired" : "too_many_attempts").orElse("unknown");
        return JanuaException.of(ErrorCode.MFA_TOKEN_INVALID, "reason", reason);
    }

    /** Challenges are worthless minutes after they expire; keep the table small. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    void purgeExpired() {
        challenges.deleteExpired(clock.instant().minus(Duration.ofDays(1)));
    }
}
