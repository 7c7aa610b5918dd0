package dev.janua.server.auth.app;

import dev.janua.server.auth.SignInOutcome;
import dev.janua.server.auth.SignInResult;
import dev.janua.server.auth.SignIns;
import dev.janua.server.mfa.SecondFactors;
import dev.janua.server.mfa.SecondFactors.Challenge;
import dev.janua.server.mfa.SecondFactors.Completion;
import dev.janua.server.mfa.SecondFactors.VerifiedChallenge;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.users.User;
import dev.janua.server.users.UserDirectory;
import dev.janua.server.users.UserStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the first factor: no second factor due → session; a trusted device → session; otherwise
 * an MFA challenge (or, when a policy requires MFA and none is enrolled, an enrolment challenge).
 * {@link #completeSecondFactor} spends the challenge and starts the session in one transaction.
 */
@Service
public class SignInFlow implements SignIns {
    private final SecondFactors secondFactors;
    private final SessionIssuer issuer;
    private final UserDirectory users;
    private final TransactionTemplate tx;

    public SignInFlow(SecondFactors secondFactors, SessionIssuer issuer, UserDirectory users, TransactionTemplate tx) {
        this.secondFactors = secondFactors;
        this.issuer = issuer;
        this.users = users;
        this.tx = tx;
    }

    @Override
    public SignInOutcome finish(User user, String method, boolean rememberMe, String deviceToken, ClientInfo client) {
        SecondFactors.Decision decision = secondFactors.decide(user.id(), deviceToken);
        return switch (decision) {
            case NOT_REQUIRED -> new SignInOutcome.Completed(issuer.issue(user, method, null, rememberMe, client), null);
            case TRUSTED_DEVICE -> new SignInOutcome.Completed(issuer.issue(user, method, "trusted_device", rememberMe, client), null);
            case CHALLENGE, ENROLLMENT -> {
                Challenge c = secondFactors.startChallenge(user.id(), decision == SecondFactors.Decision.ENROLLMENT, method,
                        rememberMe, client);
                yield new SignInOutcome.SecondFactorRequired(c.token(), c.methods(), c.expiresAt(), c.enrollment());
            }
        };
    }

    @Override
    public SignInOutcome finishMultiFactor(User user, String method, boolean rememberMe, ClientInfo client) {
        return new SignInOutcome.Completed(issuer.issue(user, method, "user_verification", rememberMe, client), null);
    }

    /** {@code POST /auth/login/mfa}: the code is checked (its attempt counted) before the transaction that spends the challenge. */
    @Override
    public SignInOutcome completeSecondFactor(String mfaToken, String method, String code, boolean trustDevice, ClientInfo client) {
        VerifiedChallenge verified = secondFactors.verify(mfaToken, method, code, client);
        if (verified.unlocksEnrollment()) {
            // SMS passed; the policy still wants an authenticator app: enrol it with the same token
            return new SignInOutcome.SecondFactorRequired(mfaToken, java.util.List.of("totp"), verified.expiresAt(), true);
        }
        return tx.execute(t -> {
            User user = users.findById(verified.userId()).orElseThrow(() -> JanuaException.of(ErrorCode.MFA_TOKEN_INVALID, "reason", "unknown"));
            if (user.status() != UserStatus.ACTIVE) throw new JanuaException(ErrorCode.ACCOUNT_SUSPENDED);
            Completion done = secondFactors.complete(verified, trustDevice, client);
            SignInResult result = issuer.issue(user, done.firstFactor(), done.method(), done.rememberMe(), client);
            return new SignInOutcome.Completed(result, done.trustedDevice());
        });
    }
}
