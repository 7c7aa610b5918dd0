package dev.janua.server.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LoopbackClientsTest {

    @Test
    void loopbackAddressesInEitherFamilyAreLocal() {
        for (String a : new String[] {"127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
            assertThat(LoopbackClients.isLoopbackAddress(a)).as(a).isTrue();
        }
        for (String a : new String[] {"10.0.0.1", "192.168.1.5", "203.0.113.9", "::ffff:10.0.0.1", "fe80::1", "0.0.0.0", "",
                "localhost", "127.0.0.1.example.com", null}) {
            assertThat(LoopbackClients.isLoopbackAddress(a)).as(String.valueOf(a)).isFalse();
        }
    }

    @Test
    void theSocketDecidesAndAnyForwardingHeaderMeansRelayed() {
        MockHttpServletRequest local = new MockHttpServletRequest();
        local.setRemoteAddr("127.0.0.1");
        assertThat(LoopbackClients.isLoopback(local)).isTrue();

        MockHttpServletRequest remote = new MockHttpServletRequest();
        remote.setRemoteAddr("198.51.100.4");
        remote.addHeader("X-Forwarded-For", "127.0.0.1");
        assertThat(LoopbackClients.isLoopback(remote)).as("a header cannot make a remote client local").isFalse();

        for (String header : new String[] {"X-Forwarded-For", "Forwarded", "X-Real-IP"}) {
            MockHttpServletRequest proxied = new MockHttpServletRequest();
            proxied.setRemoteAddr("127.0.0.1");
            proxied.addHeader(header, header.equals("Forwarded") ? "for=203.0.113.7" : "203.0.113.7");
            assertThat(LoopbackClients.isLoopback(proxied)).as("relayed by a local proxy (%s)", header).isFalse();
        }
    }
}
