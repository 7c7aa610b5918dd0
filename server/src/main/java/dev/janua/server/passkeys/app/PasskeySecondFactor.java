package dev.janua.server.passkeys.app;

import dev.janua.server.mfa.ExternalSecondFactor;
import dev.janua.server.passkeys.persistence.JdbcPasskeyRepository;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.web.ClientInfo;
import org.springframework.stereotype.Component;

/**
 * A passkey as the second step after a password: offered in the MFA challenge when the user has
 * one; the proof is an assertion made for options bound to that very challenge
 * ({@code POST /passkeys/authenticate/options} with the {@code mfaToken}).
 */
@Component
class PasskeySecondFactor implements ExternalSecondFactor {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PasskeySecondFactor.class);
    static final String METHOD = "passkey";
    private final JdbcPasskeyRepository passkeys;
    private final PasskeyAssertions assertions;

    PasskeySecondFactor(JdbcPasskeyRepository passkeys, PasskeyAssertions assertions) {
        this.passkeys = passkeys;
        this.assertions = assertions;
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public boolean enrolled(String userId) {
        return passkeys.countByUser(userId) > 0;
    }

    /** Any failure (its event, e.g. a suspected clone, already published) counts as one wrong code. */
    @Override
    public boolean verify(String userId, String challengeHash, String proof, ClientInfo client) {
        try {
            assertions.verify(proof, PasskeyCeremonies.SECOND_FACTOR, userId, challengeHash, client);
            return true;
        } catch (JanuaException e) {
            log.info("passkey second factor refused for {}: {} {}", userId, e.code(), e.details());
            return false;
        }
    }
}
