package dev.janua.server.notifications.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.platform.config.DevEndpointsProperties;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The dev mailbox and SMS outbox: loopback clients only, unless JANUA_DEV_ENDPOINTS_REMOTE_ACCESS=true. */
class DevEndpointAccessTest {

    @Test
    void loopbackOnlyByDefault() {
        DevEndpointAccess access = new DevEndpointAccess(new DevEndpointsProperties(false));
        assertThatCode(() -> access.check(from("127.0.0.1"))).doesNotThrowAnyException();
        assertThatCode(() -> access.check(from("::1"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> access.check(from("192.168.1.20")))
                .isInstanceOfSatisfying(JanuaException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        MockHttpServletRequest relayed = from("127.0.0.1");
        relayed.addHeader("X-Forwarded-For", "198.51.100.7");
        assertThatThrownBy(() -> access.check(relayed)).isInstanceOf(JanuaException.class);
    }

    @Test
    void remoteAccessWhenEnabled() {
        DevEndpointAccess access = new DevEndpointAccess(new DevEndpointsProperties(true));
        assertThatCode(() -> access.check(from("192.168.1.20"))).doesNotThrowAnyException();
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/dev/mailbox");
        request.setRemoteAddr(address);
        return request;
    }
}
