package dev.janua.server.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.ops.MonitoringProperties;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The variable names the README documents reach the settings they name. */
class EnvironmentVariableNamesTest {

    @Test
    void devEndpointAndMonitoringVariablesBind() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env",
                Map.of("JANUA_DEV_ENDPOINTS_REMOTE_ACCESS", "true", "JANUA_MONITORING_PUBLIC_ACCESS", "true")));
        Binder binder = new Binder(ConfigurationPropertySources.get(env));
        assertThat(binder.bind("janua.dev-endpoints", DevEndpointsProperties.class).get().remoteAccess()).isTrue();
        assertThat(binder.bind("janua.monitoring", MonitoringProperties.class).get().publicAccess()).isTrue();
    }
}
