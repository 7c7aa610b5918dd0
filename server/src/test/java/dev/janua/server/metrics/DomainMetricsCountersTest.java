package dev.janua.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The counters are cached by name and labels (no string key): every call increments exactly the one
 * series named by its name and labels, never a neighbour with the same label values under another
 * name, other label names, or values that would run together in a joined key.
 */
class DomainMetricsCountersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DomainMetrics metrics = new DomainMetrics(registry);

    @Test
    void eachCallIncrementsExactlyTheSeriesOfItsNameAndLabels() {
        // the same label pairs under two names
        incrementsOnly(() -> metrics.signIn("password", "success"), "janua.signins", "method", "password", "result", "success");
        incrementsOnly(() -> metrics.signUp("password", "success"), "janua.signups", "method", "password", "result", "success");
        // the same names and values, one label differing
        incrementsOnly(() -> metrics.signInFailed("password", "invalid_password", false),
                "janua.signins", "method", "password", "result", "invalid_password");
        incrementsOnly(() -> metrics.signIn("passkey", "success"), "janua.signins", "method", "passkey", "result", "success");
        incrementsOnly(() -> metrics.signIn("sso_saml", "success"), "janua.signins", "method", "sso", "result", "success");
        incrementsOnly(() -> metrics.signIn("fax", "success"), "janua.signins", "method", "other", "result", "success");
        // the cached session counters and the looked-up ones
        incrementsOnly(() -> metrics.tokenIssued("access", "session"), "janua.tokens.issued", "type", "access", "grant", "session");
        incrementsOnly(() -> metrics.tokenIssued("refresh", "session"), "janua.tokens.issued", "type", "refresh", "grant", "session");
        incrementsOnly(() -> metrics.tokenIssued("access", "client_credentials"),
                "janua.tokens.issued", "type", "access", "grant", "client_credentials");
        incrementsOnly(() -> metrics.tokenIssued("id", "session"), "janua.tokens.issued", "type", "id", "grant", "session");
        // values that would join into another series' string key
        incrementsOnly(() -> metrics.rateLimited("api"), "janua.rate.limited", "bucket", "api");
        incrementsOnly(() -> metrics.rateLimited("api|bucket|auth"), "janua.rate.limited", "bucket", "api|bucket|auth");
        incrementsOnly(() -> metrics.rateLimited("auth"), "janua.rate.limited", "bucket", "auth");
        incrementsOnly(() -> metrics.refreshTokenReused("oidc"), "janua.refresh.reuse", "flow", "oidc");
        incrementsOnly(() -> metrics.mfaChallenge("totp", "failure"), "janua.mfa.challenges", "method", "totp", "result", "failure");
        incrementsOnly(() -> metrics.mfaChallenge("totp", "success"), "janua.mfa.challenges", "method", "totp", "result", "success");
        incrementsOnly(() -> metrics.webhookDeadLettered(), "janua.webhook.dead.letters");
        incrementsOnly(() -> metrics.auditAppended(1), "janua.audit.appends");
        incrementsOnly(() -> metrics.ssoSignIn("oidc"), "janua.sso.signins", "protocol", "oidc");
        incrementsOnly(() -> metrics.scimOperation("user.provisioned"), "janua.scim.operations", "operation", "user.provisioned");
        Instant now = Instant.now();
        incrementsOnly(() -> metrics.webhookAttempt(false, 5, now, now), "janua.webhook.deliveries", "result", "failure");
        incrementsOnly(() -> metrics.notificationAttempt("sms", "retry", now, now), "janua.notifications", "channel", "sms", "result", "retry");
        incrementsOnly(() -> metrics.notificationAttempt("email", "retry", now, now),
                "janua.notifications", "channel", "email", "result", "retry");
    }

    @Test
    void countsAccumulateOnTheSameSeries() {
        metrics.signIn("password", "success");
        metrics.signIn("password", "success");
        metrics.auditAppended(3);
        metrics.auditAppended(2);
        assertThat(registry.get("janua.signins").tags("method", "password", "result", "success").counter().count()).isEqualTo(2);
        assertThat(registry.get("janua.audit.appends").counter().count()).isEqualTo(5);
        assertThat(registry.get("janua.signins").counters()).hasSize(SIGN_IN_SERIES);
    }

    /** The sign-in series registered at start (success per method, two failures of password). */
    private static final int SIGN_IN_SERIES = DomainMetrics.SIGN_IN_METHODS.size() + 2;

    /** {@code call} adds exactly 1 to the counter {@code name}{@code labels} (registered, if new) and changes no other counter. */
    private void incrementsOnly(Runnable call, String name, String... labels) {
        Map<Meter.Id, Double> before = counts();
        call.run();
        Map<Meter.Id, Double> after = counts();
        Map<Meter.Id, Double> changed = new HashMap<>();
        after.forEach((id, count) -> {
            if (count - before.getOrDefault(id, 0.0) != 0) changed.put(id, count - before.getOrDefault(id, 0.0));
        });
        String expected = name + Tags.of(labels).stream().map(Tag::toString).toList();
        assertThat(changed).as("counters changed by a call that should count %s", expected).hasSize(1);
        Map.Entry<Meter.Id, Double> only = changed.entrySet().iterator().next();
        assertThat(only.getKey().getName()).as(expected).isEqualTo(name);
        assertThat(Tags.of(only.getKey().getTags())).as(expected).isEqualTo(Tags.of(labels));
        assertThat(only.getValue()).as(expected).isEqualTo(1.0);
    }

    private Map<Meter.Id, Double> counts() {
        Map<Meter.Id, Double> out = new HashMap<>();
        for (Meter m : registry.getMeters()) if (m instanceof Counter c) out.put(c.getId(), c.count());
        return out;
    }
}
