package dev.janua.server.metrics.app;

import dev.janua.server.metrics.DomainMetrics;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventSignals;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Counts what the domain events of each committed transaction record (successful sign-ins,
 * sign-ups, refresh-token reuse, MFA checks, SCIM writes, SSO sign-ins, dead-lettered webhooks):
 * the modules that publish those events need no metrics code. Runs on the committing thread, after
 * commit, so a rolled-back change is never counted; each event costs a switch and an increment.
 */
@Component
class EventMetrics {
    private final DomainMetrics metrics;

    EventMetrics(EventSignals signals, DomainMetrics metrics) {
        this.metrics = metrics;
        signals.onCommittedEvents(this::observe);
    }

    void observe(List<DomainEvent> transaction) {
        for (DomainEvent e : transaction) {
            switch (e.type()) {
                case "user.signin" -> metrics.signIn(text(e, "method"), "success");
                case "user.created" -> metrics.signUp(signUpMethod(e, transaction), "success");
                // every session starts with a refresh token (rotations are counted where they happen)
                case "session.created" -> metrics.tokenIssued("refresh", "session");
                case "session.refresh_token_reused" -> metrics.refreshTokenReused("session");
                case "oidc.refresh_token_reused" -> metrics.refreshTokenReused("oidc");
                case "mfa.verified" -> metrics.mfaChallenge(text(e, "method"), "success");
                case "mfa.challenge_failed" -> metrics.mfaChallenge(text(e, "method"), "failure");
                case "webhook.delivery_failed" -> metrics.webhookDeadLettered();
                case "sso.signin" -> metrics.ssoSignIn(text(e, "protocol"));
                case "user.provisioned", "user.deprovisioned", "group.created", "group.updated", "group.deleted" ->
                        metrics.scimOperation(e.type());
                default -> { }
            }
        }
    }

    /**
     * How an account came to be, from the other events of its transaction: each way of creating an
     * account other than the sign-up form writes its own event beside {@code user.created}.
     */
    static String signUpMethod(DomainEvent created, List<DomainEvent> transaction) {
        for (DomainEvent e : transaction) {
            switch (e.type()) {
                case "sso.user_provisioned": return "sso";
                case "user.provisioned": return "scim";
                case "identity.linked": return "social";
                case "invitation.accepted": return "invitation";
                case "magic_link.used": return "magic_link";
                default: break;
            }
        }
        boolean byAnother = created.actorId() != null && !created.actorId().equals(created.subjectId());
        return byAnother ? "admin" : "password";
    }

    private static String text(DomainEvent e, String key) {
        Object v = e.data().get(key);
        return v == null ? null : v.toString();
    }
}
