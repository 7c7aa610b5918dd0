package dev.janua.server.hosted.web;

import java.time.Duration;
import org.springframework.http.ResponseCookie;

/** The hosted pages' cookies: always HttpOnly and SameSite=Lax, Secure when the server's base URL is https. */
final class BrowserCookies {
    private BrowserCookies() {}

    /** A session cookie of the browser (no Max-Age) unless {@code maxAge} is given ("remember me"). */
    static String session(String name, String value, boolean secure, Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder b = ResponseCookie.from(name, value).httpOnly(true).secure(secure)
                .sameSite("Lax").path("/");
        if (maxAge != null) b.maxAge(maxAge);
        return b.build().toString();
    }

    static String clear(String name, boolean secure) {
        return ResponseCookie.from(name, "").httpOnly(true).secure(secure).sameSite("Lax").path("/").maxAge(0).build().toString();
    }
}
