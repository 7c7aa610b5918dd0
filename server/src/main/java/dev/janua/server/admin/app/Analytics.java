package dev.janua.server.admin.app;

import dev.janua.server.admin.app.ActivityQueries.SessionRow;
import dev.janua.server.admin.domain.DeviceLabel;
import dev.janua.server.admin.domain.TimeBuckets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Sign-ups, sign-ins and active users per bucket, system-wide and per user, from the event log and sessions. */
@Service
public class Analytics {
    static final int MAX_BUCKETS = 2000;
    private final ActivityQueries queries;

    public Analytics(ActivityQueries queries) {
        this.queries = queries;
    }

    /** System analytics: per bucket, sign-ups, sign-ins and distinct users who signed in. */
    public Map<String, Object> system(Instant from, Instant to, TimeBuckets buckets) {
        Map<Instant, int[]> counts = new HashMap<>();
        Map<Instant, Set<String>> active = new HashMap<>();
        Set<String> allActive = new HashSet<>();
        int[] totals = new int[2];
        queries.events(List.of("user.created", "user.signin"), from, to, e -> {
            Instant b = buckets.start(e.at());
            int[] c = counts.computeIfAbsent(b, k -> new int[2]);
            if (e.type().equals("user.created")) {
                c[0]++;
                totals[0]++;
            } else {
                c[1]++;
                totals[1]++;
                if (e.subjectId() != null) {
                    active.computeIfAbsent(b, k -> new HashSet<>()).add(e.subjectId());
                    allActive.add(e.subjectId());
                }
            }
        });
        List<Map<String, Object>> series = buckets.range(from, to, MAX_BUCKETS).stream().map(b -> {
            int[] c = counts.getOrDefault(b, new int[2]);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("date", buckets.label(b));
            point.put("signUps", c[0]);
            point.put("signIns", c[1]);
            point.put("activeUsers", active.getOrDefault(b, Set.of()).size());
            return point;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", Map.of("startDate", from.toString(), "endDate", to.toString()));
        out.put("granularity", buckets.name().toLowerCase());
        out.put("totals", Map.of("signUps", totals[0], "signIns", totals[1], "activeUsers", allActive.size()));
        out.put("timeline", series);
        return out;
    }

    /** One metric as a series: active_users, signins, signups, sessions, signouts or signin_failures. */
    public List<Map<String, Object>> series(String metric, Instant from, Instant to, TimeBuckets buckets) {
        String type = switch (metric) {
            case "active_users", "signins" -> "user.signin";
            case "signups" -> "user.created";
            case "sessions" -> "session.created";
            case "signouts" -> "user.signout";
            case "signin_failures" -> "user.signin_failed";
            default -> throw new IllegalArgumentException("metric must be active_users, signins, signups, sessions, signouts or signin_failures");
        };
        boolean distinct = metric.equals("active_users");
        Map<Instant, Set<String>> users = new HashMap<>();
        Map<Instant, Integer> counts = new HashMap<>();
        queries.events(List.of(type), from, to, e -> {
            Instant b = buckets.start(e.at());
            counts.merge(b, 1, Integer::sum);
            if (distinct && e.subjectId() != null) users.computeIfAbsent(b, k -> new HashSet<>()).add(e.subjectId());
        });
        return buckets.range(from, to, MAX_BUCKETS).stream().map(b -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("timestamp", b.toString());
            p.put("value", distinct ? users.getOrDefault(b, Set.of()).size() : counts.getOrDefault(b, 0));
            return p;
        }).toList();
    }

    /** Seed 000's per-user analytics: sessions, sign-ins, durations, devices, IPs and a timeline. */
    public Map<String, Object> user(String userId, String email, Instant from, Instant to, TimeBuckets buckets) {
        List<SessionRow> sessions = queries.userSessions(userId, from, to);
        List<Instant> signIns = queries.userEvents(userId, "user.signin", from, to);
        Set<String> devices = new LinkedHashSet<>();
        Set<String> ips = new LinkedHashSet<>();
        long totalSeconds = 0;
        Map<Instant, long[]> perBucket = new HashMap<>(); // sessions, signIns, seconds
        for (SessionRow s : sessions) {
            long seconds = Math.max(0, Duration.between(s.createdAt(), s.endedAt()).toSeconds());
            totalSeconds += seconds;
            devices.add(DeviceLabel.of(s.userAgent()));
            if (s.ipAddress() != null) ips.add(s.ipAddress());
            long[] c = perBucket.computeIfAbsent(buckets.start(s.createdAt()), k -> new long[3]);
            c[0]++;
            c[2] += seconds;
        }
        for (Instant t : signIns) perBucket.computeIfAbsent(buckets.start(t), k -> new long[3])[1]++;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("totalSessions", sessions.size());
        metrics.put("totalSignIns", signIns.size());
        metrics.put("averageSessionDuration", sessions.isEmpty() ? 0 : totalSeconds / sessions.size());
        metrics.put("devicesUsed", List.copyOf(devices));
        metrics.put("ipAddresses", List.copyOf(ips));
        metrics.put("locations", List.of());
        List<Map<String, Object>> timeline = buckets.range(from, to, MAX_BUCKETS).stream().map(b -> {
            long[] c = perBucket.getOrDefault(b, new long[3]);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("date", buckets.label(b));
            p.put("sessions", c[0]);
            p.put("signIns", c[1]);
            p.put("duration", c[2]);
            return p;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", Map.of("id", userId, "email", email));
        out.put("period", Map.of("startDate", from.toString(), "endDate", to.toString()));
        out.put("granularity", buckets.name().toLowerCase());
        out.put("metrics", metrics);
        out.put("timeline", timeline);
        return out;
    }
}
