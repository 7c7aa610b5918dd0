package dev.janua.server.notifications.web;

import dev.janua.server.platform.config.DevEndpointsProperties;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.security.LoopbackClients;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The development mailbox and SMS outbox hold every reset and magic-link token: they answer only
 * clients on this machine, unless {@code JANUA_DEV_ENDPOINTS_REMOTE_ACCESS=true}. Others get 403 with
 * the setting named, so a developer reaching a server in a VM sees why.
 */
@Component
class DevEndpointAccess {
    private final boolean remoteAccess;

    DevEndpointAccess(DevEndpointsProperties properties) {
        this.remoteAccess = properties.remoteAccess();
    }

    void check(HttpServletRequest request) {
        if (remoteAccess || LoopbackClients.isLoopback(request)) return;
        throw new JanuaException(ErrorCode.FORBIDDEN,
                Map.of("reason", "loopback_only", "setting", "JANUA_DEV_ENDPOINTS_REMOTE_ACCESS"));
    }
}
