package dev.janua.server.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a request comes from this machine, for endpoints only the local operator should read.
 * The answer rests on the socket's peer address, never on a header; and a request that names a
 * forwarding hop was relayed — by a proxy on this machine for a client anywhere — so it is not
 * local, whatever {@code JANUA_TRUST_PROXY} says.
 */
public final class LoopbackClients {
    private static final List<String> FORWARDING_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private LoopbackClients() {}

    public static boolean isLoopback(HttpServletRequest request) {
        for (String header : FORWARDING_HEADERS) {
            if (request.getHeader(header) != null) return false;
        }
        return isLoopbackAddress(request.getRemoteAddr());
    }

    /** {@code 127.0.0.0/8}, {@code ::1}, or either mapped into IPv6; literals only, never a name lookup. */
    static boolean isLoopbackAddress(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) return false;
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
