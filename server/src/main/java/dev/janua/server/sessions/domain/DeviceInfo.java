package dev.janua.server.sessions.domain;

/** What a User-Agent tells about the client: browser, operating system and kind of device. */
public record DeviceInfo(String browser, String browserVersion, String os, String osVersion, String deviceType) {
    public static final DeviceInfo UNKNOWN = new DeviceInfo("Unknown", null, "Unknown", null, "unknown");

    /** A short label for lists: "Chrome on Windows", "Safari on iOS". */
    public String label() {
        if ("Unknown".equals(browser) && "Unknown".equals(os)) return "Unknown device";
        if ("Unknown".equals(os)) return browser;
        if ("Unknown".equals(browser)) return os;
        return browser + " on " + os;
    }
}
