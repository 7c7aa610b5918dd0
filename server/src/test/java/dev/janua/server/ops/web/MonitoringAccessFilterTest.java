package dev.janua.server.ops.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.ops.MonitoringProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests the monitoring guard looks at; the integration test covers what it answers. */
class MonitoringAccessFilterTest {

    @Test
    void guardsTheMonitoringPathsForClientsElsewhere() {
        MonitoringAccessFilter filter = new MonitoringAccessFilter(new MonitoringProperties(false), null, null, null);
        assertThat(filter.shouldNotFilter(from("203.0.113.5", "/metrics"))).isFalse();
        assertThat(filter.shouldNotFilter(from("203.0.113.5", "/metrics/"))).isFalse();
        assertThat(filter.shouldNotFilter(from("203.0.113.5", "/api/v1/health/detailed"))).isFalse();
        assertThat(filter.shouldNotFilter(from("203.0.113.5", "/v1/health/detailed"))).isFalse();
        assertThat(filter.shouldNotFilter(from("203.0.113.5", "/health"))).isTrue();
        assertThat(filter.shouldNotFilter(from("127.0.0.1", "/metrics"))).isTrue();
    }

    @Test
    void publicAccessOpensThem() {
        MonitoringAccessFilter filter = new MonitoringAccessFilter(new MonitoringProperties(true), null, null, null);
        assertThat(filter.shouldNotFilter(from("203.0.113.5", "/metrics"))).isTrue();
        assertThat(filter.shouldNotFilter(from("203.0.113.5", "/api/v1/health/detailed"))).isTrue();
    }

    private static MockHttpServletRequest from(String address, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        request.setRemoteAddr(address);
        return request;
    }
}
