package dev.janua.server.admin.domain;

/** A short device label from a user agent, as seed 000's analytics show it: {@code Chrome/Windows}, {@code Safari/iOS}. */
public final class DeviceLabel {
    private DeviceLabel() {}

    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) return "Unknown";
        String ua = userAgent;
        String browser = ua.contains("Edg/") ? "Edge" : ua.contains("OPR/") ? "Opera" : ua.contains("Firefox/") ? "Firefox"
                : ua.contains("Chrome/") || ua.contains("CriOS/") ? "Chrome" : ua.contains("Safari/") ? "Safari"
                : ua.startsWith("curl/") ? "curl" : ua.contains("Java-http-client") || ua.startsWith("Java/") ? "Java" : "Other";
        String os = ua.contains("iPhone") || ua.contains("iPad") ? "iOS" : ua.contains("Android") ? "Android"
                : ua.contains("Windows") ? "Windows" : ua.contains("Mac OS X") || ua.contains("Macintosh") ? "Mac"
                : ua.contains("Linux") ? "Linux" : null;
        return os == null ? browser : browser + "/" + os;
    }
}
