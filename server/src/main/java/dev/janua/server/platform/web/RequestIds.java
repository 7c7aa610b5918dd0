package dev.janua.server.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/** The request id: taken from {@code X-Request-ID} when well formed, else generated. */
public final class RequestIds {
    public static final String HEADER = "X-Request-ID";
    static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestIds() {}

    public static boolean wellFormed(String candidate) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches();
    }

    public static String current(HttpServletRequest request) {
        if (request == null) return null;
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
