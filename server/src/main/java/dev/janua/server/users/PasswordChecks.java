package dev.janua.server.users;

import java.time.Instant;
import java.util.Optional;

/**
 * Checking a user's password against the lockout (SECURITY.md): the attempt is counted as a
 * failure BEFORE the hash is computed — one atomic UPDATE that refuses once the account is
 * locked — and the count is cleared when the password is right. So N parallel guesses get at most
 * the threshold's worth of hashes, and a right password among them cannot slip past a lock.
 * Sign-in and every endpoint that re-asks the password (change password, delete account, MFA
 * disable, backup-code regeneration) go through here, and so do sign-ins for emails without an
 * account ({@link #failUnknownEmail}), so the two cannot be told apart. A password that cannot be
 * hashed (a lone UTF-16 surrogate) is refused with 422 before anything is counted.
 */
public interface PasswordChecks {
    /** "Until a password reset or an admin unlock": a date no clock reaches. */
    Instant LOCKED_INDEFINITELY = Instant.parse("9999-12-31T00:00:00Z");

    /**
     * A right password stored with outdated parameters (or an imported bcrypt/PBKDF2 hash) is
     * re-hashed here, after the check.
     *
     * @return empty when the password is right; otherwise the failure as counted (attempts remaining,
     *         or the lock it caused)
     * @throws dev.janua.server.platform.errors.JanuaException {@code ACCOUNT_LOCKED} when already locked
     *         (after spending the time of a hash, so a lock cannot be told apart by timing)
     */
    Optional<UserDirectory.FailedSignIn> check(User user, String password);

    /**
     * {@link #check} for a sign-in, which saves a write transaction: a right password leaves the
     * attempt counted, and the caller must either start the session (its
     * {@link UserDirectory#recordSuccessfulSignIn}, in the session's transaction, clears the count) or,
     * when it starts none (MFA challenge, suspended account, a failure), call {@link #clearFailures}.
     * The count stays up a few milliseconds longer than with {@link #check}: stricter, never looser.
     */
    Optional<UserDirectory.FailedSignIn> checkLeavingCount(User user, String password);

    /** Clears the failure count a right password left by {@link #checkLeavingCount}. */
    void clearFailures(String userId);

    /**
     * A sign-in attempt for an email that has no account: counted like a wrong password (in the
     * database, so every node and a restart see it) and costing the time of a hash.
     *
     * @return the failure as counted
     * @throws dev.janua.server.platform.errors.JanuaException {@code ACCOUNT_LOCKED} when the email's count is locked
     */
    UserDirectory.FailedSignIn failUnknownEmail(String email, String password);

    /** Like {@link #check}, throwing {@code INVALID_CREDENTIALS} (with attempts_remaining) or {@code ACCOUNT_LOCKED}. */
    void require(User user, String password, String field);

    /** Whether the account has a password at all (a passkey-only account has none). */
    boolean hasPassword(String userId);
}
