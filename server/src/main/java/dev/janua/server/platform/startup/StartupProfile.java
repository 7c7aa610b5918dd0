package dev.janua.server.platform.startup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;

/**
 * Diagnostic for start-up time (issue 16): with {@code JANUA_STARTUP_PROFILE=true} the application records
 * Spring's start-up steps and, once ready, logs the slowest ones by their own time (their duration minus
 * that of the steps nested in them, e.g. a bean minus the beans it needed). Off by default: the recording
 * itself costs a little.
 */
public final class StartupProfile {
    private static final Logger log = LoggerFactory.getLogger(StartupProfile.class);
    private static final int SHOWN = 40;

    private StartupProfile() {}

    /** Installs the recorder on {@code app} when the environment asks for it. */
    public static void installIfRequested(SpringApplication app) {
        String flag = System.getenv().getOrDefault("JANUA_STARTUP_PROFILE", System.getProperty("janua.startup.profile", ""));
        if (!"true".equalsIgnoreCase(flag)) return;
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        app.setApplicationStartup(startup);
        app.addListeners((ApplicationListener<ApplicationReadyEvent>) event -> report(startup.getBufferedTimeline()));
    }

    private static void report(StartupTimeline timeline) {
        List<StartupTimeline.TimelineEvent> events = timeline.getEvents();
        Map<Long, Long> childNanos = new HashMap<>();
        for (StartupTimeline.TimelineEvent e : events) {
            Long parent = e.getStartupStep().getParentId();
            if (parent != null) childNanos.merge(parent, e.getDuration().toNanos(), Long::sum);
        }
        record Row(String name, long selfNanos, long totalNanos) {}
        List<Row> rows = new ArrayList<>();
        Map<String, Long> byStep = new HashMap<>();
        for (StartupTimeline.TimelineEvent e : events) {
            long total = e.getDuration().toNanos();
            long self = total - childNanos.getOrDefault(e.getStartupStep().getId(), 0L);
            String tags = StreamSupport.stream(e.getStartupStep().getTags().spliterator(), false)
                    .map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(" "));
            rows.add(new Row(e.getStartupStep().getName() + " " + tags, self, total));
            byStep.merge(e.getStartupStep().getName(), self, Long::sum);
        }
        rows.sort(Comparator.comparingLong(Row::selfNanos).reversed());
        StringBuilder out = new StringBuilder("start-up profile: ").append(events.size()).append(" steps; own time by step kind:");
        byStep.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(s -> out.append("\n  ").append(ms(s.getValue())).append(' ').append(s.getKey()));
        out.append("\nslowest steps (own ms / total ms):");
        rows.stream().limit(SHOWN).forEach(r -> out.append("\n  ").append(ms(r.selfNanos())).append(" / ")
                .append(ms(r.totalNanos())).append(' ').append(r.name()));
        log.info("{}", out);
    }

    private static String ms(long nanos) {
        return String.format("%7.1f", Duration.ofNanos(nanos).toNanos() / 1e6);
    }
}
