package dev.janua.server.metrics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code /metrics} answer (Prometheus text format), parsed into series: name, labels, value. */
public record PrometheusScrape(List<Series> series) {
    public record Series(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static PrometheusScrape parse(String text) {
        List<Series> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches()) throw new IllegalArgumentException("not a Prometheus sample line: " + line);
            Map<String, String> labels = new TreeMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) labels.put(l.group(1), l.group(2));
            }
            out.add(new Series(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new PrometheusScrape(out);
    }

    /** The sum of the series named {@code name} that carry every given label (pairs: name, value); 0 when none. */
    public double value(String name, String... labels) {
        double sum = 0;
        for (Series s : series) if (s.name().equals(name) && matches(s, labels)) sum += s.value();
        return sum;
    }

    /** Every series name exposed (a histogram's as _bucket, _sum, _count and _max). */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Series s : series) names.add(s.name());
        return names;
    }

    private static boolean matches(Series s, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(s.labels().get(labels[i]))) return false;
        }
        return true;
    }
}
