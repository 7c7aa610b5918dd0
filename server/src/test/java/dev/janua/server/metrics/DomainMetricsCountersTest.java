package dev.janua.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The counters are looked up by name and labels (no string key): each series is one counter, kept apart from its neighbours. */
class DomainMetricsCountersTest {
    @Test
    void eachNameAndLabelSetIsOneCounterAndLabelsNeverRunTogether() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DomainMetrics metrics = new DomainMetrics(registry);
        metrics.signIn("password", "success");
        metrics.signIn("password", "success");
        metrics.signIn("sso_saml", "success");
        metrics.signIn("fax", "success");
        metrics.rateLimited("api");
        metrics.rateLimited("api|bucket|auth"); // a value that would have joined into another series' string key
        metrics.auditAppended(3);
        metrics.auditAppended(2);
        assertThat(registry.get("janua.signins").tags("method", "password", "result", "success").counter().count()).isEqualTo(2);
        assertThat(registry.get("janua.signins").tags("method", "sso", "result", "success").counter().count()).isEqualTo(1);
        assertThat(registry.get("janua.signins").tags("method", "other", "result", "success").counter().count()).isEqualTo(1);
        assertThat(registry.get("janua.rate.limited").tags("bucket", "api").counter().count()).isEqualTo(1);
        assertThat(registry.get("janua.rate.limited").tags("bucket", "auth").counter().count()).isZero();
        assertThat(registry.get("janua.rate.limited").tags("bucket", "api|bucket|auth").counter().count()).isEqualTo(1);
        assertThat(registry.get("janua.audit.appends").counter().count()).isEqualTo(5);
        assertThat(registry.get("janua.signins").counters()).hasSize(SIGN_IN_SERIES + 1);
    }

    /** The sign-in series registered at start (success per method, two failures of password); "other" is the one added above. */
    private static final int SIGN_IN_SERIES = DomainMetrics.SIGN_IN_METHODS.size() + 2;
}
