package dev.janua.server.notifications.app;

import dev.janua.server.notifications.SmsMessage;
import dev.janua.server.notifications.SmsProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generic HTTP gateway (Twilio-style): one POST per message, 2xx is success, anything else
 * (redirects included, they are not followed) is a failure.
 */
public final class HttpSmsProvider implements SmsProvider {
    private final URI url;
    private final boolean form;
    private final String authorization;
    private final String from;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public HttpSmsProvider(String url, String format, String authorization, String from, Duration timeout) {
        if (url == null || url.isBlank()) throw new IllegalStateException("JANUA_SMS_HTTP_URL is required for the http SMS provider");
        this.url = URI.create(url);
        this.form = "form".equalsIgnoreCase(format);
        this.authorization = authorization == null || authorization.isBlank() ? null : authorization;
        this.from = from;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void deliver(SmsMessage m) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(form ? "To" : "to", m.to());
        fields.put(form ? "From" : "from", from);
        fields.put(form ? "Body" : "body", m.body());
        String payload = form
                ? fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))
                : json.writeValueAsString(fields);
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (authorization != null) b.header("Authorization", authorization);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("SMS gateway answered " + r.statusCode());
        }
    }

    @Override
    public String name() {
        return "http";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
