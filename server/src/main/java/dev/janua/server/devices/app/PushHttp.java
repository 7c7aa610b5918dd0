package dev.janua.server.devices.app;

import dev.janua.server.devices.domain.PushOutcome;
import java.net.http.HttpClient;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** The pieces the HTTP push providers share: one client each, and the statuses every service means the same by. */
final class PushHttp {
    private PushHttp() {}

    /** Redirects are never followed: a push service that redirects is misconfigured, not to be chased. */
    static HttpClient client(HttpClient.Version version, Duration timeout, SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder().version(version).connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) b.sslContext(tls);
        return b.build();
    }

    /** 429 and 5xx: the service is busy or down, the message is fine. */
    static boolean transientStatus(int status) {
        return status == 429 || status / 100 == 5;
    }

    static PushOutcome.Retry retry(String service, int status, String detail) {
        return new PushOutcome.Retry(service + " answered " + status + (detail == null || detail.isBlank() ? "" : " " + detail));
    }

    static String truncate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }
}
