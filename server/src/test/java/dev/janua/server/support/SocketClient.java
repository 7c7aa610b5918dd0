package dev.janua.server.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client (the JDK's): every text frame parsed into {@code messages}, the close code into {@code closed}. */
public final class SocketClient implements WebSocket.Listener {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** {@code subprotocol} may be null; {@code headers} are name, value pairs for the handshake. */
    public static SocketClient connect(int port, String pathAndQuery, String subprotocol, String... headers) {
        SocketClient c = new SocketClient();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (subprotocol != null) b.subprotocols(subprotocol);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        c.socket = b.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), c).join();
        return c;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
        closed.complete(code);
        return null;
    }

    public void send(Object message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    public WebSocket socket() {
        return socket;
    }

    /** The next message matching {@code p}, skipping heartbeats and others; fails after a generous wait. */
    public JsonNode next(Predicate<JsonNode> p) throws InterruptedException {
        while (true) {
            JsonNode m = messages.poll(30, TimeUnit.SECONDS);
            if (m == null) throw new AssertionError("no matching message arrived");
            if (p.test(m)) return m;
        }
    }

    public JsonNode next(String type) throws InterruptedException {
        return next(m -> type.equals(m.path("type").asString()));
    }
}
