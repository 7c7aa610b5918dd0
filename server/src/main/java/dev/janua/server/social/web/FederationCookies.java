package dev.janua.server.social.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.springframework.http.ResponseCookie;

/**
 * The browser-binding cookie of a federated sign-in: HttpOnly, SameSite=Lax (sent on the provider's
 * top-level GET redirect back, not on cross-site POSTs — Apple's form_post is bounced to a GET for
 * that reason), Secure when Janua's base URL is https, gone after ten minutes or at the callback.
 */
final class FederationCookies {
    private FederationCookies() {}

    static String set(String name, String value, Instant expiresAt, Instant now, boolean secure) {
        return ResponseCookie.from(name, value).httpOnly(true).secure(secure).sameSite("Lax").path("/")
                .maxAge(Duration.between(now, expiresAt)).build().toString();
    }

    static String clear(String name, boolean secure) {
        return ResponseCookie.from(name, "").httpOnly(true).secure(secure).sameSite("Lax").path("/").maxAge(0).build().toString();
    }

    static Function<String, String> reader(HttpServletRequest request) {
        return name -> {
            Cookie[] cookies = request.getCookies();
            if (cookies == null) return null;
            for (Cookie c : cookies) if (c.getName().equals(name)) return c.getValue();
            return null;
        };
    }

    /** Every binding cookie the request carries is cleared once the callback has run (only one matched). */
    static java.util.List<String> clearAll(HttpServletRequest request, boolean secure) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Cookie[] cookies = request.getCookies();
        if (cookies != null) for (Cookie c : cookies) if (c.getName().startsWith("janua_fed_")) out.add(clear(c.getName(), secure));
        return out;
    }
}
