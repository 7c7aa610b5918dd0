package dev.janua.server.cluster;

import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import dev.janua.server.webhooks.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The kill-a-node run: {@value #WORKERS} clients loop through sign-ins, refreshes, {@code /auth/me} and
 * profile updates (a webhook subscribes to them) through HAProxy; after {@link #BEFORE} node 2 gets SIGKILL,
 * the load goes on for {@link #AFTER}. Every call is recorded with its start and end, so a failure can be
 * told apart: in flight when the node died (started before the kill returned, ended after it began) or not.
 */
final class KillUnderLoad implements AutoCloseable {
    static final int WORKERS = 6;
    static final int VICTIM = 2;
    private static final Duration BEFORE = Duration.ofSeconds(5);
    private static final Duration AFTER = Duration.ofSeconds(8);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Call(String op, long start, long end, int status, String error) {
        boolean ok() {
            return error == null && status / 100 == 2;
        }
    }

    /** What one worker wrote: every value it sent (in order) and which of them were acknowledged. */
    record Writes(String userId, List<String> sent, Set<String> acknowledged) {}

    record Report(List<Call> calls, long killStart, long killEnd, List<Writes> writes, List<String> lostWrites) {
        List<Call> failures() {
            return calls.stream().filter(c -> !c.ok()).toList();
        }

        List<Call> inFlightFailures() {
            return failures().stream().filter(c -> c.start() < killEnd && c.end() >= killStart).toList();
        }

        List<Call> unexplainedFailures() {
            List<Call> rest = new ArrayList<>(failures());
            rest.removeAll(inFlightFailures());
            return rest;
        }

        long succeededAfterKill() {
            return calls.stream().filter(c -> c.ok() && c.start() > killEnd).count();
        }

        int acknowledgedWrites() {
            return writes.stream().mapToInt(w -> w.acknowledged().size()).sum();
        }

        List<String> userIds() {
            return writes.stream().map(Writes::userId).toList();
        }

        @Override
        public String toString() {
            Map<String, int[]> byOp = new TreeMap<>();
            for (Call c : calls) byOp.computeIfAbsent(c.op(), k -> new int[2])[c.ok() ? 0 : 1]++;
            StringBuilder s = new StringBuilder("cluster kill -9 of node " + VICTIM + " under load (" + WORKERS + " clients through HAProxy):\n");
            byOp.forEach((op, n) -> s.append(String.format("  %-8s %5d ok %3d failed%n", op, n[0], n[1])));
            s.append(String.format("  failures: %d, all in flight on the killed node: %d, unexplained: %d; %d calls succeeded after the kill%n",
                    failures().size(), inFlightFailures().size(), unexplainedFailures().size(), succeededAfterKill()));
            for (Call c : failures()) {
                s.append(String.format("    %s %s, started %+d ms / ended %+d ms from the kill%n", c.op(),
                        c.error() != null ? c.error() : "HTTP " + c.status(), (c.start() - killStart) / 1_000_000, (c.end() - killStart) / 1_000_000));
            }
            s.append(String.format("  acknowledged profile updates: %d, missing from the database: %d%n", acknowledgedWrites(), lostWrites.size()));
            return s.toString();
        }
    }

    private final LocalCluster cluster;
    private final JdbcClient jdbc;
    private final Api balancer;
    private final String admin;
    private final String hookId;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private volatile boolean stop;

    KillUnderLoad(LocalCluster cluster, JdbcClient jdbc, WebhookReceiver receiver, String adminToken) {
        this.cluster = cluster;
        this.jdbc = jdbc;
        this.balancer = cluster.balancer();
        this.admin = adminToken;
        Api.Response hook = cluster.node(1).post("/api/v1/webhooks", Api.map("url", receiver.url("/kill"), "events", List.of("user.updated")),
                "Authorization", Api.bearer(adminToken));
        if (hook.status() != 201) throw new AssertionError("webhook not created: " + hook.raw().body());
        this.hookId = hook.text("/id");
    }

    Report go() throws Exception {
        List<Writes> writes = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            String email = "kill-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            Api.Response up = balancer.post("/api/v1/auth/signup", Api.map("email", email, "password", IntegrationTest.PASSWORD));
            if (up.status() != 201) throw new AssertionError("sign-up failed: " + up.raw().body());
            emails.add(email);
            writes.add(new Writes(up.text("/user/id"), new ArrayList<>(), java.util.concurrent.ConcurrentHashMap.newKeySet()));
        }
        long killStart;
        long killEnd;
        try (ExecutorService pool = Executors.newFixedThreadPool(WORKERS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                running.add(pool.submit(() -> work(worker, emails.get(worker), writes.get(worker))));
            }
            Thread.sleep(BEFORE.toMillis());
            killStart = System.nanoTime();
            cluster.kill(VICTIM);
            killEnd = System.nanoTime();
            Thread.sleep(AFTER.toMillis());
            stop = true;
            for (Future<?> f : running) f.get(2, TimeUnit.MINUTES);
        }
        return new Report(List.copyOf(calls), killStart, killEnd, writes, lostWrites(writes));
    }

    private void work(int worker, String email, Writes writes) {
        String access = null;
        String refresh = null;
        for (int i = 0; !stop; i++) {
            int step = access == null ? 0 : i % 8;
            switch (step) {
                case 0 -> {
                    Api.Response r = call("signin", () -> balancer.post("/api/v1/auth/signin",
                            Api.map("email", email, "password", IntegrationTest.PASSWORD)));
                    if (r != null && r.status() == 200) {
                        access = r.text("/tokens/accessToken");
                        refresh = r.text("/tokens/refreshToken");
                    }
                }
                case 1 -> {
                    String rt = refresh;
                    Api.Response r = call("refresh", () -> balancer.post("/api/v1/auth/refresh", Api.map("refreshToken", rt)));
                    if (r != null && r.status() == 200) {
                        access = r.text("/accessToken");
                        refresh = r.text("/refreshToken");
                    } else {
                        access = null; // the refresh may have been used by a node that died before answering: sign in again
                    }
                }
                case 2, 3, 4 -> {
                    String at = access;
                    Api.Response r = call("me", () -> balancer.get("/api/v1/auth/me", "Authorization", Api.bearer(at)));
                    if (r == null || r.status() != 200) access = null;
                }
                default -> {
                    String at = access;
                    String value = "k" + worker + "-" + i;
                    writes.sent().add(value);
                    Api.Response r = call("update", () -> balancer.patch("/api/v1/users/me", Api.map("firstName", value),
                            "Authorization", Api.bearer(at)));
                    if (r != null && r.status() == 200) writes.acknowledged().add(value);
                    else access = null;
                }
            }
        }
    }

    private Api.Response call(String op, java.util.function.Supplier<Api.Response> request) {
        long start = System.nanoTime();
        try {
            Api.Response r = request.get();
            calls.add(new Call(op, start, System.nanoTime(), r.status(), null));
            return r;
        } catch (IllegalStateException e) {
            calls.add(new Call(op, start, System.nanoTime(), 0, e.getMessage()));
            return null;
        }
    }

    /**
     * Acknowledged updates the database does not show: each must have its user.updated event (written in the same
     * transaction), and the user's current first name must be the last acknowledged value or one sent after it.
     */
    private List<String> lostWrites(List<Writes> all) {
        List<String> lost = new ArrayList<>();
        for (Writes w : all) {
            Set<String> committed = new HashSet<>();
            for (String data : jdbc.sql("SELECT CAST(data AS VARCHAR(100000)) FROM domain_events WHERE type = 'user.updated' AND subject_id = :u")
                    .param("u", w.userId()).query(String.class).list()) {
                committed.add(JSON.readTree(data).at("/user/firstName").asString());
            }
            for (String v : w.acknowledged()) if (!committed.contains(v)) lost.add(w.userId() + " " + v + " (no event)");
            String current = jdbc.sql("SELECT first_name FROM users WHERE id = :u").param("u", w.userId()).query(String.class).single();
            List<String> sent = w.sent();
            int lastAcked = -1;
            for (int i = 0; i < sent.size(); i++) if (w.acknowledged().contains(sent.get(i))) lastAcked = i;
            if (lastAcked >= 0 && !sent.subList(lastAcked, sent.size()).contains(current)) {
                lost.add(w.userId() + " first name is " + current + ", last acknowledged " + sent.get(lastAcked));
            }
        }
        return lost;
    }

    @Override
    public void close() {
        cluster.node(1).delete("/api/v1/webhooks/" + hookId, null, "Authorization", Api.bearer(admin));
    }
}
