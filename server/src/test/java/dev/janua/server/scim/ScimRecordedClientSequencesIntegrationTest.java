package dev.janua.server.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the request sequences that Okta's SCIM 2.0 spec test and Microsoft Entra ID's provisioning
 * service (and its SCIM validator) send, recorded step by step in {@code scim/recorded/*.json}: each
 * step's method, path, headers and body as the client sends them, and the checks the client makes on
 * the answer. A file is data, not code, so a new client sequence is added without writing a test.
 */
class ScimRecordedClientSequencesIntegrationTest extends ScimTestSupport {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\w+)}}");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"okta-spec-test.json", "entra-validator.json"})
    void theRecordedClientSequencePasses(String file) throws IOException {
        JsonNode sequence = read(file);
        Tenant t = tenant("recorded");
        createUser(t, uniqueUserName("assigned")); // Okta's test starts from an app with one user assigned
        String random = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> vars = new HashMap<>(Map.of("random", random, "RANDOM", random.toUpperCase()));

        List<String> failures = new ArrayList<>();
        int steps = 0;
        for (JsonNode step : sequence.path("steps")) {
            steps++;
            String note = steps + ". " + step.path("note").asString();
            Api.Response r = send(step, t, vars);
            List<String> problems = check(step.path("expect"), r, vars);
            if (!problems.isEmpty()) failures.add(note + ": " + problems + " — answer " + r.status() + " " + r.raw().body());
            step.path("capture").properties().forEach(c -> {
                JsonNode v = r.json() == null ? null : r.json().at(c.getValue().asString());
                if (v != null && !v.isMissingNode()) vars.put(c.getKey(), v.asString());
            });
        }
        assertThat(steps).as("steps in " + file).isGreaterThan(10);
        assertThat(failures).as(sequence.path("client").asString() + " sequence").isEmpty();
    }

    private Api.Response send(JsonNode step, Tenant t, Map<String, String> vars) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", Api.bearer(t.token()));
        headers.put("Accept", CT);
        step.path("headers").properties().forEach(h -> headers.put(h.getKey(), substitute(h.getValue().asString(), vars)));
        String body = step.has("body") ? substitute(JSON.writeValueAsString(step.get("body")), vars) : null;
        if (body != null) headers.putIfAbsent("Content-Type", CT);
        List<String> flat = new ArrayList<>();
        headers.forEach((k, v) -> { flat.add(k); flat.add(v); });
        String path = SCIM + encodeQuery(substitute(step.path("path").asString(), vars));
        return api.send(step.path("method").asString(), path, body, flat.toArray(String[]::new));
    }

    private static List<String> check(JsonNode expect, Api.Response r, Map<String, String> vars) {
        List<String> problems = new ArrayList<>();
        JsonNode status = expect.path("status");
        boolean statusOk = status.isArray()
                ? status.valueStream().anyMatch(s -> s.asInt() == r.status())
                : status.asInt() == r.status();
        if (!statusOk) problems.add("status " + r.status() + ", expected " + status);
        JsonNode json = r.json() == null ? JSON.createObjectNode() : r.json();
        expect.path("equals").properties().forEach(e -> {
            JsonNode actual = json.at(e.getKey());
            JsonNode wanted = e.getValue();
            boolean same = wanted.isString()
                    ? !actual.isMissingNode() && substitute(wanted.asString(), vars).equals(actual.asString())
                    : wanted.isNumber() ? actual.isNumber() && actual.asLong() == wanted.asLong() : wanted.equals(actual);
            if (!same) problems.add(e.getKey() + " = " + actual + ", expected " + wanted);
        });
        expect.path("present").valueStream().map(JsonNode::asString).forEach(p -> {
            JsonNode v = json.at(p);
            if (v.isMissingNode() || v.isNull() || (v.isString() && v.asString().isEmpty())) problems.add(p + " missing");
        });
        expect.path("absent").valueStream().map(JsonNode::asString).forEach(p -> {
            if (!json.at(p).isMissingNode()) problems.add(p + " should be absent");
        });
        expect.path("numbers").valueStream().map(JsonNode::asString).forEach(p -> {
            if (!json.at(p).isNumber()) problems.add(p + " is not a number");
        });
        expect.path("contains").properties().forEach(e -> {
            if (json.at(e.getKey()).valueStream().noneMatch(v -> v.asString().equals(e.getValue().asString())))
                problems.add(e.getKey() + " lacks " + e.getValue());
        });
        expect.path("size").properties().forEach(e -> {
            if (json.at(e.getKey()).size() != e.getValue().asInt())
                problems.add(e.getKey() + " has " + json.at(e.getKey()).size() + " entries, expected " + e.getValue());
        });
        return problems;
    }

    private static String substitute(String s, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) throw new IllegalStateException("no value for {{" + m.group(1) + "}} yet");
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return m.appendTail(out).toString();
    }

    /** The clients send filters with raw spaces and quotes; their HTTP stacks percent-encode them. */
    private static String encodeQuery(String path) {
        int q = path.indexOf('?');
        if (q < 0) return path;
        return path.substring(0, q + 1) + path.substring(q + 1).replace(" ", "%20").replace("\"", "%22");
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = ScimRecordedClientSequencesIntegrationTest.class.getResourceAsStream("/scim/recorded/" + file)) {
            assertThat(in).as(file).isNotNull();
            return JSON.readTree(in);
        }
    }
}
