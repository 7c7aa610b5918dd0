package dev.janua.server.metrics.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.metrics.DomainMetrics;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventSignals;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The events of a transaction map onto counters with bounded labels; the sign-up method comes from its companions. */
class EventMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventMetrics metrics = new EventMetrics(new EventSignals(), new DomainMetrics(registry));

    @Test
    void anAccountsMethodIsReadFromTheOtherEventsOfItsTransaction() {
        DomainEvent created = DomainEvent.of("user.created", "usr_1", "usr_1", Map.of());
        assertThat(EventMetrics.signUpMethod(created, List.of(created))).isEqualTo("password");
        assertThat(EventMetrics.signUpMethod(created, List.of(created, DomainEvent.of("identity.linked", "usr_1", "usr_1", Map.of()))))
                .isEqualTo("social");
        assertThat(EventMetrics.signUpMethod(created, List.of(created, DomainEvent.of("user.provisioned", "usr_1", null, Map.of()))))
                .isEqualTo("scim");
        assertThat(EventMetrics.signUpMethod(created, List.of(DomainEvent.of("sso.user_provisioned", "usr_1", null, Map.of()), created)))
                .isEqualTo("sso");
        assertThat(EventMetrics.signUpMethod(DomainEvent.of("user.created", "usr_1", "usr_admin", Map.of()), List.of())).isEqualTo("admin");
    }

    @Test
    void labelsOutsideTheirFixedSetsBecomeOther() {
        metrics.observe(List.of(
                DomainEvent.of("user.signin", "usr_1", "usr_1", Map.of("method", "sso_saml")),
                DomainEvent.of("user.signin", "usr_2", "usr_2", Map.of("method", "usr_2@example.com")),
                DomainEvent.of("sso.signin", "usr_1", "usr_1", Map.of("protocol", "saml")),
                DomainEvent.of("sso.signin", "usr_1", "usr_1", Map.of("protocol", "kerberos")),
                DomainEvent.of("mfa.verified", "usr_1", "usr_1", Map.of("context", "step_up")),
                DomainEvent.of("oidc.refresh_token_reused", "usr_1", null, Map.of()),
                DomainEvent.of("group.updated", "grp_1", null, Map.of()),
                DomainEvent.of("user.updated", "usr_1", "usr_1", Map.of())));
        assertThat(count("janua.signins", "method", "sso", "result", "success")).isEqualTo(1);
        assertThat(count("janua.signins", "method", "other", "result", "success")).isEqualTo(1);
        assertThat(count("janua.sso.signins", "protocol", "saml")).isEqualTo(1);
        assertThat(count("janua.sso.signins", "protocol", "other")).isEqualTo(1);
        assertThat(count("janua.mfa.challenges", "method", "other", "result", "success")).isEqualTo(1);
        assertThat(count("janua.refresh.reuse", "flow", "oidc")).isEqualTo(1);
        assertThat(count("janua.scim.operations", "operation", "group.updated")).isEqualTo(1);
        assertThat(registry.find("janua.signins").counters()).noneMatch(c -> c.getId().getTag("method").contains("@"));
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }
}
