package dev.janua.server.mfa.app;

import dev.janua.server.mfa.MfaMethods;
import dev.janua.server.mfa.domain.BackupCodes;
import dev.janua.server.mfa.domain.Base32;
import dev.janua.server.mfa.domain.OtpAuthUri;
import dev.janua.server.mfa.domain.QrCode;
import dev.janua.server.mfa.domain.Totp;
import dev.janua.server.mfa.persistence.JdbcFactorRepository;
import dev.janua.server.mfa.persistence.JdbcFactorRepository.BackupCodeCounts;
import dev.janua.server.mfa.persistence.JdbcFactorRepository.TotpRow;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.PasswordChecks;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The signed-in user's second factors: TOTP set-up and confirmation, step-up checks, backup codes, disabling. */
@Service
public class MfaAccountService {
    private final JdbcFactorRepository factors;
    private final FactorChecks checks;
    private final PasswordChecks passwordChecks;
    private final TransactionTemplate tx;
    private final TrustedDeviceService devices;
    private final CodeCheckGuard guard;
    private final MfaPolicy policy;
    private final UserDirectory users;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final Clock clock;
    private final String issuer;
    private final SecureRandom random = new SecureRandom();

    public MfaAccountService(JdbcFactorRepository factors, FactorChecks checks, TrustedDeviceService devices, CodeCheckGuard guard,
                             MfaPolicy policy,
                             UserDirectory users, EventPublisher events, IdGenerator ids, Clock clock, MfaProperties properties, PasswordChecks passwordChecks, TransactionTemplate tx) {
        this.tx = tx;
        this.factors = factors;
        this.checks = checks;
        this.passwordChecks = passwordChecks;
        this.devices = devices;
        this.guard = guard;
        this.policy = policy;
        this.users = users;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
        this.issuer = properties.issuer();
    }

    public record TotpSetup(String secret, String otpauthUri, String qrCodeUrl, List<String> backupCodes) {}

    public record Status(boolean enabled, boolean totpEnabled, boolean totpPending, String smsPhoneHint,
                         BackupCodeCounts backupCodes, boolean required) {}

    public Status status(String userId) {
        Optional<TotpRow> totp = factors.findTotp(userId);
        return new Status(user(userId).mfaEnabled(), totp.map(TotpRow::confirmed).orElse(false),
                totp.map(t -> !t.confirmed()).orElse(false), factors.smsPhone(userId).map(SmsCodes::hint).orElse(null),
                factors.backupCodeCounts(userId), policy.requiredFor(userId));
    }

    public boolean hasConfirmedTotp(String userId) {
        return factors.findTotp(userId).map(TotpRow::confirmed).orElse(false);
    }

    /**
     * A new 160-bit secret and 10 backup codes, both pending until a code from the app confirms
     * them; running set-up again replaces a pending secret. A confirmed authenticator must be
     * disabled first. The codes are hashed before the transaction opens. Two set-ups of one user
     * that overlap cannot both win: the one that finds the pending secret changed under it (or
     * inserted by the other) answers 409 {@code MFA_SETUP_IN_PROGRESS}, so every secret handed out
     * with a 200 was the stored one when it was answered.
     */
    public TotpSetup setupTotp(String userId, ClientInfo client) {
        User user = user(userId);
        Optional<TotpRow> current = factors.findTotp(userId);
        if (current.map(TotpRow::confirmed).orElse(false)) throw JanuaException.of(ErrorCode.MFA_ALREADY_ENABLED, "method", MfaMethods.TOTP);
        byte[] raw = new byte[20];
        random.nextBytes(raw);
        String secret = Base32.encode(raw);
        String sealed = checks.sealTotpSecret(userId, secret);
        List<String> codes = BackupCodes.generate(random);
        List<String> hashes = codes.stream().map(c -> checks.hashBackupCode(userId, c)).toList();
        String expected = current.map(TotpRow::secretEnc).orElse(null);
        Instant now = clock.instant();
        try {
            tx.executeWithoutResult(t -> {
                if (!factors.startTotpSetup(userId, expected, sealed, now)) throw setupInProgress();
                factors.deletePendingBackupCodes(userId);
                for (String h : hashes) factors.insertBackupCode(ids.next("bkc"), userId, h, now, false);
                events.publish(DomainEvent.of("mfa.setup_started", userId, userId, Map.of("userId", userId, "method", MfaMethods.TOTP)), client);
            });
        } catch (DuplicateKeyException | ConcurrencyFailureException | QueryTimeoutException e) {
            // the parallel set-up's INSERT won, or its lock outlasted the wait (H2 reports that as a
            // query timeout, PostgreSQL as a concurrency failure): it is the one kept
            throw setupInProgress();
        }
        String uri = OtpAuthUri.totp(issuer, user.email(), secret, Totp.DEFAULT);
        return new TotpSetup(secret, uri, QrCode.pngDataUrl(uri), codes);
    }

    /**
     * The set-up in progress shown again (after a wrong code): the stored pending secret, its URI and
     * QR code; the backup codes were shown once and are not. Empty when no set-up is pending.
     */
    public Optional<TotpSetup> pendingTotpSetup(String userId) {
        return checks.pendingTotpSecret(userId).map(secret -> {
            String uri = OtpAuthUri.totp(issuer, user(userId).email(), secret, Totp.DEFAULT);
            return new TotpSetup(secret, uri, QrCode.pngDataUrl(uri), List.of());
        });
    }

    private static JanuaException setupInProgress() {
        return JanuaException.of(ErrorCode.MFA_SETUP_IN_PROGRESS, "method", MfaMethods.TOTP);
    }

    /**
     * With a pending set-up: confirms it (MFA on). With MFA already on: a step-up check of a TOTP
     * or backup code. Either way the code is spent. The code check runs before the transaction: the
     * guard commits its own count on a second connection, which must not be taken while this request
     * already holds one.
     */
    public boolean verify(String userId, String code, ClientInfo client) {
        requireCode(code);
        Optional<TotpRow> totp = factors.findTotp(userId);
        if (totp.isPresent() && !totp.get().confirmed()) {
            guard.take(userId);
            String checked = checks.pendingTotp(userId, code).orElseThrow(() -> invalidCode(MfaMethods.TOTP));
            guard.succeeded(userId);
            tx.executeWithoutResult(t -> activateTotp(userId, checked, client));
            return true;
        }
        if (!user(userId).mfaEnabled()) throw JanuaException.of(ErrorCode.MFA_NOT_ENABLED, "reason", "no_setup_in_progress");
        checkCode(userId, code);
        tx.executeWithoutResult(t -> events.publish(DomainEvent.of("mfa.verified", userId, userId,
                Map.of("userId", userId, "context", "step_up")), client));
        return false;
    }

    /**
     * The pending secret becomes the authenticator, its backup codes replace any older set, MFA is
     * on — if the pending secret is still {@code checkedSecret} (sealed), the one the code was
     * checked against. A set-up that landed between the check and now replaced it with a secret the
     * user's app does not have: 409 {@code MFA_SETUP_IN_PROGRESS}, nothing confirmed. The
     * conditional UPDATE holds the row until commit, so a set-up cannot land after it either.
     */
    @Transactional
    public void activateTotp(String userId, String checkedSecret, ClientInfo client) {
        Instant now = clock.instant();
        if (!factors.confirmTotp(userId, checkedSecret, now)) {
            boolean replaced = factors.findTotp(userId).map(r -> !r.secretEnc().equals(checkedSecret)).orElse(false);
            if (replaced) throw JanuaException.of(ErrorCode.MFA_SETUP_IN_PROGRESS, "reason", "setup_replaced");
            throw JanuaException.of(ErrorCode.MFA_NOT_ENABLED, "reason", "no_setup_in_progress");
        }
        factors.activatePendingBackupCodes(userId, now);
        users.setMfaEnabled(userId, true);
        events.publish(DomainEvent.of("mfa.enabled", userId, userId, Map.of("userId", userId, "method", MfaMethods.TOTP)), client);
    }

    /**
     * Needs the password or a current code; refused while a policy (an organization) requires MFA.
     * The re-authentication runs before the transaction: it commits its own attempt counts.
     */
    public void disable(String userId, String password, String code, ClientInfo client) {
        User user = user(userId);
        if (!user.mfaEnabled() && factors.findTotp(userId).isEmpty()) throw new JanuaException(ErrorCode.MFA_NOT_ENABLED);
        if (policy.requiredFor(userId)) throw JanuaException.of(ErrorCode.MFA_REQUIRED, "reason", "required_by_policy");
        reauthenticate(user, password, code);
        tx.executeWithoutResult(t -> {
            factors.deleteTotp(userId);
            factors.deleteBackupCodes(userId);
            factors.deleteSmsFactor(userId);
            devices.revokeAll(userId, client);
            users.setMfaEnabled(userId, false);
            events.publish(DomainEvent.of("mfa.disabled", userId, userId, Map.of("userId", userId)), client);
        });
    }

    public BackupCodeCounts backupCodes(String userId) {
        return factors.backupCodeCounts(userId);
    }

    /** A new set of 10 voids every older code; needs the password or a current code (checked before the transaction). */
    public List<String> regenerateBackupCodes(String userId, String password, String code, ClientInfo client) {
        User user = user(userId);
        if (!user.mfaEnabled()) throw new JanuaException(ErrorCode.MFA_NOT_ENABLED);
        reauthenticate(user, password, code);
        List<String> codes = new ArrayList<>(BackupCodes.generate(random));
        List<String> hashes = codes.stream().map(c -> checks.hashBackupCode(userId, c)).toList();
        Instant now = clock.instant();
        tx.executeWithoutResult(t -> {
            factors.deleteBackupCodes(userId);
            for (String h : hashes) factors.insertBackupCode(ids.next("bkc"), userId, h, now, true);
            events.publish(DomainEvent.of("mfa.backup_codes_regenerated", userId, userId,
                    Map.of("userId", userId, "count", codes.size())), client);
        });
        return codes;
    }

    private void reauthenticate(User user, String password, String code) {
        if ((password == null || password.isEmpty()) && (code == null || code.isBlank())) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "password", "reason", "password or code required"));
        }
        if (password != null && !password.isEmpty()) {
            passwordChecks.require(user, password, "password");
            return;
        }
        checkCode(user.id(), code);
    }

    /** An authenticator or backup code of an enrolled user, within the per-user allowance of code checks. */
    private void checkCode(String userId, String code) {
        guard.take(userId);
        if (!checks.totp(userId, code, true) && !checks.backupCode(userId, code)) throw invalidCode(MfaMethods.TOTP);
        guard.succeeded(userId);
    }

    private User user(String userId) {
        return users.findById(userId).orElseThrow(() -> new JanuaException(ErrorCode.USER_NOT_FOUND));
    }

    private static void requireCode(String code) {
        if (code == null || code.isBlank()) throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", "code", "reason", "required"));
    }

    static JanuaException invalidCode(String method) {
        return JanuaException.of(ErrorCode.INVALID_MFA_CODE, "method", method);
    }
}
