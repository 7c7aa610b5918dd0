package dev.janua.server.platform.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Development mode is for a first run on one's own machine. When such a server listens beyond
 * loopback (the default: every interface), say so loudly at start, with what to change.
 */
@Component
class DevelopmentModeWarning {
    private static final Logger log = LoggerFactory.getLogger(DevelopmentModeWarning.class);
    private final JanuaProperties janua;
    private final DevEndpointsProperties devEndpoints;
    private final Environment environment;

    DevelopmentModeWarning(JanuaProperties janua, DevEndpointsProperties devEndpoints, Environment environment) {
        this.janua = janua;
        this.devEndpoints = devEndpoints;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnIfExposed() {
        String address = environment.getProperty("server.address", "");
        if (janua.isProduction() || !beyondLoopback(address)) return;
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8000"));
        lines(address.isBlank() ? "every network interface" : address, port, devEndpoints.remoteAccess()).forEach(log::warn);
    }

    static List<String> lines(String where, String port, boolean devEndpointsRemote) {
        List<String> lines = new ArrayList<>();
        lines.add("************************************************************************");
        lines.add("DEVELOPMENT MODE (JANUA_ENV is not 'production'), listening on " + where + ", port " + port + ".");
        lines.add(devEndpointsRemote
                ? "The dev mailbox and SMS outbox, which hold every reset and magic-link token, are OPEN TO EVERY CLIENT"
                        + " (JANUA_DEV_ENDPOINTS_REMOTE_ACCESS=true)."
                : "The dev mailbox and SMS outbox answer clients on this machine only.");
        lines.add("Before others can reach this server: set JANUA_ENV=production (with JANUA_MASTER_KEY),"
                + " or listen on loopback only (SERVER_ADDRESS=127.0.0.1).");
        lines.add("************************************************************************");
        return lines;
    }

    /** Blank means every interface; a name is resolved as the server itself would when binding. */
    static boolean beyondLoopback(String address) {
        if (address == null || address.isBlank()) return true;
        try {
            return !InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
