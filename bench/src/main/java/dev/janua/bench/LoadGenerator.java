package dev.janua.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A closed-loop HTTP load generator for Janua: {@code concurrency} workers, each with its own user
 * and its own connection, send requests back to back for {@code duration} after a warm-up. Bounded
 * in time and restricted to loopback addresses, so it cannot be pointed at someone else's server.
 *
 * <pre>java -cp benchmarks.jar dev.janua.bench.LoadGenerator http://127.0.0.1:8900 signin 8 15 5</pre>
 * (base, scenario, concurrency, seconds measured, seconds warm-up). Prints one JSON line: requests,
 * errors, throughput per second, latency p50/p90/p99 in milliseconds.
 *
 * <p>Janua scenarios: signin, me, graphql-me (the same through GraphQL), refresh, jwks. Keycloak reference scenarios (realm {@code bench},
 * public client {@code bench} with direct access grants, users {@code kcbench-<i>} — see
 * bench/keycloak.sh): kc-signin (password grant), kc-refresh, kc-userinfo, kc-jwks. The OpenID Provider's
 * scenarios (authcode, client-credentials, kc-client-credentials) are in {@link OidcRoundTrips}.
 */
public final class LoadGenerator {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration MAX_DURATION = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: LoadGenerator <base-url> <signin|me|refresh|jwks> <concurrency> <seconds> <warmup-seconds> [server-pid]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("the load generator only targets loopback addresses, not " + base.getHost());
        }
        String scenario = args[1];
        int concurrency = Integer.parseInt(args[2]);
        Duration measured = Duration.ofSeconds(Long.parseLong(args[3]));
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[4]));
        if (measured.plus(warmup).compareTo(MAX_DURATION) > 0) throw new IllegalArgumentException("at most 5 minutes per run");

        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) workers.add(new Worker(args[0], scenario, i));
        for (Worker w : workers) w.prepare();

        runPhase(workers, warmup);
        for (Worker w : workers) w.reset();
        // optional: the server's process id, to report the CPU time it spent per request in the measured window
        // (a figure the shared machine's load barely moves, unlike requests/s)
        long serverPid = args.length > 5 ? Long.parseLong(args[5]) : 0;
        long cpuBefore = serverPid > 0 ? cpuTicks(serverPid) : 0;
        long start = System.nanoTime();
        runPhase(workers, measured);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuTicks = serverPid > 0 ? cpuTicks(serverPid) - cpuBefore : 0;

        long requests = workers.stream().mapToLong(w -> w.count).sum();
        long errors = workers.stream().mapToLong(w -> w.errors).sum();
        long[] all = workers.stream().flatMapToLong(w -> Arrays.stream(w.latencies, 0, w.count)).sorted().toArray();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", scenario);
        out.put("concurrency", concurrency);
        out.put("seconds", Math.round(seconds * 10) / 10.0);
        out.put("requests", requests);
        out.put("errors", errors);
        out.put("throughputPerSecond", Math.round(requests / seconds * 10) / 10.0);
        out.put("p50Ms", percentile(all, 0.50));
        out.put("p90Ms", percentile(all, 0.90));
        out.put("p99Ms", percentile(all, 0.99));
        if (serverPid > 0 && requests > 0) {
            double cpuMs = cpuTicks * 1000.0 / CLOCK_TICKS_PER_SECOND;
            out.put("serverCpuMsPerRequest", Math.round(cpuMs / requests * 1000) / 1000.0);
            out.put("loadAverage", java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
        }
        System.out.println(JSON.writeValueAsString(out));
    }

    private static void runPhase(List<Worker> workers, Duration d) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers.size())) {
            List<Future<?>> running = new ArrayList<>();
            for (Worker w : workers) running.add(pool.submit(() -> w.loop(stop)));
            Thread.sleep(d.toMillis());
            stop.set(true);
            for (Future<?> f : running) f.get();
        }
    }

    /** Linux's USER_HZ, the unit of /proc/PID/stat times (100 on every mainstream kernel build). */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    /** utime + stime of every thread of the process so far (/proc/PID/stat fields 14 and 15). */
    private static long cpuTicks(long pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // after "pid (comm) ": field 3 is f[0]
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) return 0;
        long v = sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(q * sortedNanos.length) - 1)];
        return Math.round(v / 10_000.0) / 100.0;
    }

    /** One virtual user: its own account, connection and (for refresh) its own token chain. */
    private static final class Worker {
        // cookies: the authcode scenario's person stays signed in to the hosted pages (janua_session)
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new java.net.CookieManager()).build();
        private static final String[] NO_HEADERS = {};
        private static final String[] JSON_BODY = {"Content-Type: application/json"};
        private static final String[] FORM_BODY = {"Content-Type: application/x-www-form-urlencoded"};
        private final String base;
        private final RawHttp raw;
        private final String scenario;
        private final String email = "bench-" + UUID.randomUUID() + "@example.com";
        private final String kcUser;
        private static final String KC = "/realms/bench/protocol/openid-connect";
        private String access;
        private String refresh;
        private OidcRoundTrips oidc;
        long[] latencies = new long[1 << 16];
        int count;
        long errors;

        Worker(String base, String scenario, int index) {
            this.base = base;
            this.raw = "jdk".equals(System.getenv("JANUA_BENCH_CLIENT")) ? null : new RawHttp(URI.create(base));
            this.scenario = scenario;
            this.kcUser = "kcbench-" + index;
        }

        void prepare() throws Exception {
            if (OidcRoundTrips.handles(scenario)) oidc = new OidcRoundTrips(http, base);
            if (scenario.equals("kc-client-credentials")) return;
            if (scenario.startsWith("kc-")) {
                JsonNode t = JSON.readTree(http.send(kcPassword(), HttpResponse.BodyHandlers.ofString()).body());
                access = t.path("access_token").asString();
                refresh = t.path("refresh_token").asString();
                return;
            }
            JsonNode up = post("/api/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", 201);
            access = up.at("/tokens/accessToken").asString();
            refresh = up.at("/tokens/refreshToken").asString();
            if (scenario.equals("authcode")) oidc.signIn(email, PASSWORD);
        }

        void reset() {
            count = 0;
            errors = 0;
        }

        void loop(AtomicBoolean stop) {
            while (!stop.get()) {
                long t0 = System.nanoTime();
                boolean ok;
                try {
                    ok = once();
                } catch (Exception e) {
                    ok = false;
                }
                long took = System.nanoTime() - t0;
                if (!ok) {
                    errors++;
                    continue;
                }
                if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
                latencies[count++] = took;
            }
        }

        private boolean once() throws Exception {
            return switch (scenario) {
                case "signin" -> call("POST", "/api/v1/auth/signin", JSON_BODY,
                        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").status() == 200;
                case "me" -> call("GET", "/api/v1/auth/me", new String[] {"Authorization: Bearer " + access}, null).status() == 200;
                case "jwks" -> call("GET", "/.well-known/jwks.json", NO_HEADERS, null).status() == 200;
                // the same caller and fields as /auth/me, through GraphQL (issue 12): parse, validate, resolve, serialise
                case "graphql-me" -> {
                    RawHttp.Response r = call("POST", "/api/v1/graphql", new String[] {"Authorization: Bearer " + access,
                            "Content-Type: application/json", "Accept: application/json"},
                            "{\"query\":\"{ me { id email firstName lastName emailVerified createdAt } }\"}");
                    yield r.status() == 200 && !r.text().contains("\"errors\"");
                }
                case "refresh" -> {
                    RawHttp.Response r = call("POST", "/api/v1/auth/refresh", JSON_BODY, "{\"refreshToken\":\"" + refresh + "\"}");
                    if (r.status() != 200) yield false;
                    refresh = JSON.readTree(r.body()).path("refreshToken").asString();
                    yield true;
                }
                case "kc-signin" -> call("POST", KC + "/token", FORM_BODY, kcPasswordForm()).status() == 200;
                case "kc-userinfo" -> call("GET", KC + "/userinfo", new String[] {"Authorization: Bearer " + access}, null).status() == 200;
                case "kc-jwks" -> call("GET", KC + "/certs", NO_HEADERS, null).status() == 200;
                case "kc-refresh" -> {
                    RawHttp.Response r = call("POST", KC + "/token", FORM_BODY, "grant_type=refresh_token&client_id=bench&refresh_token=" + refresh);
                    if (r.status() != 200) yield false;
                    refresh = JSON.readTree(r.body()).path("refresh_token").asString();
                    yield true;
                }
                default -> {
                    if (oidc == null) throw new IllegalArgumentException("unknown scenario " + scenario);
                    yield oidc.once(scenario);
                }
            };
        }

        /**
         * One measured request: through {@link RawHttp} (default), or through the JDK's HttpClient with
         * {@code JANUA_BENCH_CLIENT=jdk}, the client of the figures in BENCHMARKS.md before 2026-12-02 06:00.
         */
        private RawHttp.Response call(String method, String path, String[] headers, String body) throws Exception {
            byte[] bytes = body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (raw != null) return raw.send(method, path, headers, bytes);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
            for (String h : headers) b.header(h.substring(0, h.indexOf(':')), h.substring(h.indexOf(':') + 1).trim());
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new RawHttp.Response(r.statusCode(), r.body());
        }

        private String kcPasswordForm() {
            return "grant_type=password&scope=openid&client_id=bench&username=" + kcUser + "&password=" + PASSWORD.replace(" ", "+");
        }

        private HttpRequest kcPassword() {
            return form(KC + "/token", kcPasswordForm());
        }

        private HttpRequest form(String path, String body) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        private HttpRequest post(String path, String body) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        private JsonNode post(String path, String body, int expected) throws Exception {
            HttpResponse<String> r = http.send(post(path, body), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            return JSON.readTree(r.body());
        }
    }
}
