package dev.janua.server.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where a request came from, as far as the server can tell; X-Forwarded-For only behind a trusted proxy. */
public record ClientInfo(String ipAddress, String userAgent, String requestId) {
    public static ClientInfo from(HttpServletRequest request, boolean trustProxy) {
        String ip = request.getRemoteAddr();
        if (trustProxy) {
            // The proxy appends the address it saw; everything left of that is the client's to write.
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].trim();
                if (!last.isEmpty()) ip = last;
            }
        }
        String ua = request.getHeader("User-Agent");
        if (ua != null && ua.length() > 512) ua = ua.substring(0, 512);
        return new ClientInfo(ip, ua, RequestIds.current(request));
    }

    public static ClientInfo none() {
        return new ClientInfo(null, null, null);
    }
}
