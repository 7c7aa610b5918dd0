package dev.janua.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WebSocket fan-out (issue 12): {@code sockets} real-time sockets of one user, all subscribed to
 * {@code user.events}, while {@code writers} clients change that user's profile as fast as they can
 * (each change is one {@code user.updated} event). Measures events raised per second and event
 * messages delivered per second across all sockets, after a drain, and how many arrived of those due.
 * Args: base sockets writers seconds. Prints one JSON line.
 */
public final class RealtimeFanout {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int sockets = Integer.parseInt(args[1]);
        int writers = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String email = "fanout-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> up = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (up.statusCode() != 201) throw new IllegalStateException("signup: " + up.statusCode() + " " + up.body());
        String token = JSON.readTree(up.body()).at("/tokens/accessToken").asString();

        AtomicLong delivered = new AtomicLong();
        CountDownLatch subscribed = new CountDownLatch(sockets);
        // a few client instances, each with its own selector thread, so the client side is not the bottleneck
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) clients.add(HttpClient.newHttpClient());
        List<WebSocket> open = new ArrayList<>();
        String wsBase = base.replaceFirst("^http", "ws");
        for (int i = 0; i < sockets; i++) {
            Counter listener = new Counter(delivered, subscribed);
            open.add(clients.get(i % clients.size()).newWebSocketBuilder()
                    .buildAsync(URI.create(wsBase + "/api/v1/ws?token=" + token), listener).join());
            open.getLast().sendText("{\"type\":\"subscribe\",\"channel\":\"user.events\"}", true);
        }
        if (!subscribed.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("not all sockets subscribed");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong events = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            pool.submit(() -> {
                int n = 0;
                while (!stop.get()) {
                    try {
                        int status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/users/me"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"firstName\":\"F" + Thread.currentThread().threadId() + "x" + (n++) + "\"}"))
                                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 200) events.incrementAndGet(); else errors.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        long raisedNanos = System.nanoTime() - start;
        long due = events.get() * sockets;
        // drain: wait until every due message arrived, or 30 s without progress
        long last = -1;
        long quietSince = System.nanoTime();
        while (delivered.get() < due && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(30)) {
            long now = delivered.get();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
            Thread.sleep(50);
        }
        long allNanos = System.nanoTime() - start;
        for (WebSocket ws : open) ws.abort();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenario", "realtime-fanout");
        out.put("sockets", sockets);
        out.put("writers", writers);
        out.put("eventsRaised", events.get());
        out.put("writeErrors", errors.get());
        out.put("eventsRaisedPerSecond", Math.round(events.get() / (raisedNanos / 1e9)));
        out.put("messagesDue", due);
        out.put("messagesDelivered", delivered.get());
        out.put("deliveredPerSecond", Math.round(delivered.get() / (allNanos / 1e9)));
        out.put("secondsUntilAllDelivered", Math.round(allNanos / 1e7) / 100.0);
        System.out.println(JSON.writeValueAsString(out));
        System.exit(0);
    }

    /** Counts event frames; the first "subscribed" frame counts the socket as ready. */
    private static final class Counter implements WebSocket.Listener {
        private final AtomicLong delivered;
        private final CountDownLatch subscribed;
        private final StringBuilder partial = new StringBuilder();
        private boolean ready;

        Counter(AtomicLong delivered, CountDownLatch subscribed) {
            this.delivered = delivered;
            this.subscribed = subscribed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String m = partial.toString();
                partial.setLength(0);
                if (m.startsWith("{\"type\":\"event\"")) delivered.incrementAndGet();
                else if (!ready && m.contains("\"subscribed\"")) {
                    ready = true;
                    subscribed.countDown();
                }
            }
            ws.request(1);
            return CompletableFuture.completedFuture(null);
        }
    }
}
