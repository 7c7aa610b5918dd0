package dev.janua.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.janua.sdk.model.SignInResult;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What every namespace shares: the transport and small helpers to call it. */
abstract class Namespace {
    final Transport t;

    Namespace(Transport t) {
        this.t = t;
    }

    JsonNode get(String path, Credential c) { return t.call("GET", path, null, null, c); }
    JsonNode get(String path, Map<String, Object> query, Credential c) { return t.call("GET", path, query, null, c); }
    JsonNode post(String path, Object body, Credential c) { return t.call("POST", path, null, body == null ? Map.of() : body, c); }
    JsonNode patch(String path, Object body, Credential c) { return t.call("PATCH", path, null, body, c); }
    JsonNode delete(String path, Credential c) { return t.call("DELETE", path, null, null, c); }

    /** A list answered as {@code {"data": [...], "pagination": {...}}}; the next pages repeat the query with the cursor. */
    <T> Page<T> page(String path, Params<?> params, Credential c, Function<JsonNode, T> item) {
        Map<String, Object> query = params == null ? new LinkedHashMap<>() : params.toMap();
        return page(path, query, c, item);
    }

    private <T> Page<T> page(String path, Map<String, Object> query, Credential c, Function<JsonNode, T> item) {
        JsonNode body = t.call("GET", path, query, null, c);
        return new Page<>(body, item, cursor -> {
            Map<String, Object> next = new LinkedHashMap<>(query);
            next.remove("page");
            next.put("cursor", cursor);
            return page(path, next, c, item);
        });
    }

    /** A list answered as {@code {"data": [...]}} without pagination. */
    static <T> List<T> items(JsonNode body, Function<JsonNode, T> item) {
        JsonNode data = body.isArray() ? body : body.path("data");
        List<T> out = new ArrayList<>();
        data.forEach(n -> out.add(item.apply(n)));
        return Collections.unmodifiableList(out);
    }

    /** Sign-in-like answers: keep the new session in the client. */
    SignInResult signedIn(String path, Object body, Credential c) {
        Transport.Result r = t.send("POST", t.apiBase() + path, path, null, body, c);
        SignInResult result = new SignInResult(r.body(), r.receivedAt());
        if (result.tokens() != null) t.session.store(result.tokens());
        return result;
    }

    static String seg(String pathSegment) {
        if (pathSegment == null || pathSegment.isEmpty()) throw new IllegalArgumentException("id must not be empty");
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) if (keyValues[i + 1] != null) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
