package dev.janua.server.hosted.domain;

import java.util.Optional;

/**
 * Where the sign-in page may send the browser afterwards. Only paths on this server that are
 * themselves protocol or hosted pages: an authorization request ({@code /oauth2/authorize?…}) or a
 * device verification ({@code /oauth2/device_verification?user_code=…}) resumed after sign-in,
 * another hosted page, or an admin console page. Anything absolute, scheme-relative ({@code //host}),
 * with a backslash, control characters or dot segments is refused, so the parameter can never be
 * an open redirect. (Redirects to applications go only through the authorization endpoint, which
 * matches their registered redirect URIs exactly.)
 */
public final class ReturnTo {
    private static final int MAX_LENGTH = 4096;

    private ReturnTo() {}

    public static Optional<String> safe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) return Optional.empty();
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') return Optional.empty();
        }
        if (!candidate.startsWith("/") || candidate.startsWith("//")) return Optional.empty();
        String path = candidate.split("[?#]", 2)[0];
        if (path.contains("/./") || path.contains("/../") || path.endsWith("/..") || path.endsWith("/.")
                || path.toLowerCase(java.util.Locale.ROOT).contains("%2e") || path.contains("%2f") || path.contains("%2F")
                || path.contains("%5c") || path.contains("%5C")) {
            return Optional.empty();
        }
        if (path.equals("/oauth2/authorize") || path.equals("/oauth2/device_verification") || path.startsWith("/hosted/")) {
            return Optional.of(candidate);
        }
        if (path.equals("/console") || path.startsWith("/console/")) return Optional.of(candidate); // the admin console
        return Optional.empty();
    }
}
