package dev.janua.server.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP client that behaves like a browser without JavaScript: GETs pages, reads
 * the hidden fields of their forms and posts them back (form-encoded). Redirects are not followed,
 * so tests see each hop.
 */
public final class BrowserClient {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final String base;
    private String acceptLanguage = "en";

    public BrowserClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public BrowserClient acceptLanguage(String value) {
        this.acceptLanguage = value;
        return this;
    }

    public String base() {
        return base;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    public HttpResponse<String> post(String pathOrUrl, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Like {@link #post} but a value with NUL separators is sent as repeated fields (checkbox groups). */
    public HttpResponse<String> postMulti(String pathOrUrl, Map<String, String> form) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> {
            for (String one : v.split("\u0000", -1)) {
                if (!b.isEmpty()) b.append('&');
                b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(one, StandardCharsets.UTF_8));
            }
        });
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())));
    }

    /** Posts the form whose action matches {@code action} on {@code page}, its hidden fields plus {@code fields}. */
    public HttpResponse<String> submit(HttpResponse<String> page, String action, Map<String, String> fields) {
        Map<String, String> form = hiddenFields(page.body(), action);
        form.putAll(fields);
        return post(action, form);
    }

    /** Follows redirects on this server (like a browser would) until a page or a redirect elsewhere. */
    public HttpResponse<String> follow(HttpResponse<String> r) {
        int hops = 0;
        while (r.statusCode() / 100 == 3 && hops++ < 10) {
            String location = r.headers().firstValue("Location").orElseThrow();
            URI next = URI.create(base).resolve(location);
            if (!next.toString().startsWith(base)) return r;
            r = get(next.toString());
        }
        return r;
    }

    public String cookie(String name) {
        for (HttpCookie c : cookies.getCookieStore().getCookies()) if (c.getName().equals(name)) return c.getValue();
        return null;
    }

    public void dropCookie(String name) {
        List<HttpCookie> all = new ArrayList<>(cookies.getCookieStore().getCookies());
        for (HttpCookie c : all) if (c.getName().equals(name)) cookies.getCookieStore().remove(null, c);
        for (URI u : cookies.getCookieStore().getURIs()) {
            for (HttpCookie c : cookies.getCookieStore().get(u)) if (c.getName().equals(name)) cookies.getCookieStore().remove(u, c);
        }
    }

    public static Map<String, String> hiddenFields(String html, String action) {
        Matcher form = Pattern.compile("<form[^>]*action=\"" + Pattern.quote(action.replace("&", "&amp;")) + "\"[^>]*>(.*?)</form>",
                Pattern.DOTALL).matcher(html);
        if (!form.find()) throw new AssertionError("no form with action " + action + " in:\n" + html);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input([^>]*)>").matcher(form.group(1));
        while (input.find()) {
            String attrs = input.group(1);
            if (!attrs.contains("type=\"hidden\"")) continue;
            String name = attr(attrs, "name");
            String value = attr(attrs, "value");
            if (name != null) fields.put(name, value == null ? "" : unescape(value));
        }
        return fields;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }

    public static String encode(Map<String, String> form) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> {
            if (!b.isEmpty()) b.append('&');
            b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return b.toString();
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.header("Accept-Language", acceptLanguage).header("Accept", "text/html")
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
