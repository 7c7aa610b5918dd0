package dev.janua.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One client that stops reading, beside one that keeps up (docs/realtime.md, "Slow clients"). Both sockets
 * belong to one user and follow {@code user.events}; the stalled one is a raw socket with a 4 KiB receive
 * buffer that, after the handshake and its subscription, never reads again. A writer then changes the
 * user's first name {@code updates} times, one change after another; each change is one {@code user.updated}
 * event for both sockets. Measured: how long each event took from the change's answer to the socket that
 * keeps up (worst, p99, median, and how many took over 1 s), and, once the writer is done, what the stalled
 * socket receives when it reads again (for up to 30 s): bytes, event frames, and the close code of a close frame
 * (-1: none; the connection was dropped or is still open).
 * Args: base updates. Prints one JSON line.
 */
public final class RealtimeStallProbe {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MARKER = Pattern.compile("\"user\":\\{[^}]*\"firstName\":\"stall-(\\d+)\""); // not previousData's

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int updates = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        JsonNode up = JSON.readTree(send(http, HttpRequest.newBuilder(base.resolve("/api/v1/auth/signup"))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "email", "stall-" + UUID.randomUUID() + "@example.com", "password", "correct horse battery staple"))))));
        String token = up.at("/tokens/accessToken").asString();

        Socket stalled = stalledSocket(base, token);
        Map<Integer, Long> arrived = new ConcurrentHashMap<>();
        WebSocket keepsUp = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://" + base.getAuthority() + "/v1/ws?token=" + token), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            Matcher m = MARKER.matcher(partial);
                            if (m.find()) arrived.putIfAbsent(Integer.parseInt(m.group(1)), System.nanoTime());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).join();
        keepsUp.sendText("{\"type\":\"subscribe\",\"channel\":\"user.events\"}", true).join();
        Thread.sleep(500);

        long[] answered = new long[updates];
        long started = System.nanoTime();
        for (int i = 0; i < updates; i++) {
            send(http, HttpRequest.newBuilder(base.resolve("/api/v1/users/me")).header("Authorization", "Bearer " + token)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"firstName\":\"stall-" + i + "\"}")));
            answered[i] = System.nanoTime();
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (arrived.size() < updates && System.nanoTime() < deadline) Thread.sleep(50);
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Double> delays = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < updates; i++) {
            Long at = arrived.get(i);
            if (at != null) delays.add((at - answered[i]) / 1e6);
            else if (missing.size() < 10) missing.add(i);
        }
        double[] sorted = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Stalled after = readWhatIsLeft(stalled);
        keepsUp.abort();
        System.out.println(JSON.writeValueAsString(Map.ofEntries(
                Map.entry("scenario", "realtime-stall"), Map.entry("updates", updates),
                Map.entry("updatesPerSecond", Math.round(updates / seconds)),
                Map.entry("eventsReachedTheSocketThatKeepsUp", delays.size()), Map.entry("firstMissing", missing),
                Map.entry("delayMedianMs", round(percentile(sorted, 0.5))), Map.entry("delayP99Ms", round(percentile(sorted, 0.99))),
                Map.entry("delayWorstMs", round(sorted.length == 0 ? -1 : sorted[sorted.length - 1])),
                Map.entry("delaysOver1s", Arrays.stream(sorted).filter(d -> d > 1000).count()),
                Map.entry("stalledSocketBytesReadAfter", after.bytes), Map.entry("stalledSocketEventFrames", after.events),
                Map.entry("stalledSocketCloseCode", after.closeCode))));
    }

    /** A raw WebSocket client: handshake, subscribe, and from then on never read (until {@link #readWhatIsLeft}). */
    private static Socket stalledSocket(URI base, String token) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress(base.getHost(), base.getPort()));
        OutputStream out = s.getOutputStream();
        out.write(("GET /v1/ws?token=" + token + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed during the handshake");
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) throw new IOException("handshake refused: " + head);
        maskedText(out, "{\"type\":\"subscribe\",\"channel\":\"user.events\"}");
        return s;
    }

    private static void maskedText(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        new SecureRandom().nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(0x80 | payload.length); // < 126 bytes
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
        out.write(frame.toByteArray());
        out.flush();
    }

    private record Stalled(long bytes, int events, int closeCode) {}

    /** Reads the stalled socket's frames until the server closes it, nothing comes for 5 s, or 30 s have passed. */
    private static Stalled readWhatIsLeft(Socket s) throws IOException {
        s.setSoTimeout(5_000);
        InputStream in = s.getInputStream();
        long bytes = 0;
        int events = 0;
        long deadline = System.nanoTime() + 30_000_000_000L;
        try {
            while (System.nanoTime() < deadline) {
                int b0 = in.read();
                if (b0 < 0) return new Stalled(bytes, events, -1);
                int len = in.read() & 0x7f;
                bytes += 2;
                if (len == 126) {
                    len = (in.read() << 8) | in.read();
                    bytes += 2;
                } else if (len == 127) {
                    long l = 0;
                    for (int i = 0; i < 8; i++) l = (l << 8) | in.read();
                    len = (int) l;
                    bytes += 8;
                }
                byte[] payload = in.readNBytes(len);
                bytes += payload.length;
                if ((b0 & 0x0f) == 0x8) return new Stalled(bytes, events, len >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005);
                if ((b0 & 0x0f) == 0x1 && new String(payload, StandardCharsets.UTF_8).contains("\"type\":\"event\"")) events++;
            }
            return new Stalled(bytes, events, -1);
        } catch (SocketTimeoutException | java.net.SocketException e) {
            return new Stalled(bytes, events, -1);
        }
    }

    private static String send(HttpClient http, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) throw new IOException(r.statusCode() + " " + r.body());
        return r.body();
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
