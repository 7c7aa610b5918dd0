package dev.janua.server.scim;

import jakarta.ws.rs.ProcessingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.glassfish.jersey.client.ClientRequest;
import org.glassfish.jersey.client.ClientResponse;
import org.glassfish.jersey.client.spi.AsyncConnectorCallback;
import org.glassfish.jersey.client.spi.Connector;
import org.glassfish.jersey.message.internal.Statuses;

/**
 * A Jersey connector over the JDK's {@link HttpClient}. Jersey's default connector sits on
 * {@code HttpURLConnection}, which refuses the PATCH method (Jersey's workaround needs reflective access
 * into java.base), and Jersey's own JDK-client connector ({@code jersey-jnh-connector}) is not on Maven
 * Central for Jersey 4. Only the transport is ours: the SCIM SDK and Jersey build and read every message.
 */
final class JdkHttpConnector implements Connector {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        RESTRICTED.addAll(Set.of("Content-Length", "Host", "Connection", "Expect", "Upgrade"));
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public ClientResponse apply(ClientRequest request) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (request.hasEntity()) {
                request.setStreamProvider(contentLength -> body);
                request.writeEntity(); // also settles Content-Type
            }
            HttpRequest.Builder out = HttpRequest.newBuilder(request.getUri()).method(request.getMethod(),
                    request.hasEntity() ? HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()) : HttpRequest.BodyPublishers.noBody());
            request.getStringHeaders().forEach((name, values) -> {
                if (!RESTRICTED.contains(name)) values.forEach(v -> out.header(name, v));
            });
            HttpResponse<byte[]> in = http.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
            ClientResponse response = new ClientResponse(Statuses.from(in.statusCode()), request);
            in.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) values.forEach(v -> response.header(name, v));
            });
            response.setEntityStream(new ByteArrayInputStream(in.body()));
            return response;
        } catch (IOException e) {
            throw new ProcessingException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException(e);
        }
    }

    @Override
    public Future<?> apply(ClientRequest request, AsyncConnectorCallback callback) {
        try {
            callback.response(apply(request));
        } catch (ProcessingException e) {
            callback.failure(e);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public String getName() {
        return "JDK HttpClient";
    }

    @Override
    public void close() {
        http.close();
    }
}
