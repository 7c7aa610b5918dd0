package dev.janua.server.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The metric names the PromQL expressions of deploy/ (Grafana dashboard, Prometheus alert rules) read. */
final class DeployFileMetrics {
    private static final Set<String> KEYWORDS = Set.of("by", "without", "and", "or", "unless", "on", "ignoring", "bool", "offset",
            "group_left", "group_right", "inf", "nan");
    /** Produced by Prometheus itself for every target, not by /metrics. */
    static final Set<String> FROM_PROMETHEUS = Set.of("up");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");

    private DeployFileMetrics() {}

    static Path deployDir() {
        for (Path p : List.of(Path.of("deploy"), Path.of("..", "deploy"))) if (Files.isDirectory(p)) return p;
        throw new IllegalStateException("deploy/ not found from " + Path.of("").toAbsolutePath());
    }

    static List<String> dashboardExpressions() throws IOException {
        JsonNode d = JsonMapper.builder().build().readTree(Files.readString(deployDir().resolve("grafana/janua-dashboard.json")));
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode p : d.path("panels")) for (JsonNode t : p.path("targets")) out.add(t.path("expr").asString());
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<String> alertExpressions() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(deployDir().resolve("prometheus/janua-alerts.yml")));
        List<String> out = new java.util.ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) doc.get("groups")) {
            for (Map<String, Object> r : (List<Map<String, Object>>) g.get("rules")) out.add(String.valueOf(r.get("expr")));
        }
        return out;
    }

    /** Metric names of one PromQL expression: identifiers outside label matchers, ranges, groupings and strings, not calls. */
    static Set<String> metricNames(String expr) {
        String e = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\w+", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) if (!KEYWORDS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) names.add(m.group(1));
        return names;
    }
}
