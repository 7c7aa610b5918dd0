package dev.janua.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The load generator's measured requests: HTTP/1.1 over one blocking keep-alive socket, the request's bytes
 * written whole, the response read by {@code Content-Length} or chunks. {@link java.net.http.HttpClient} spent
 * about as much CPU per request as the server it measured (its selector thread, futures and header maps: ~0.3 ms
 * per request on this machine kind), and the load generator shares the server's two cores, so a cheap request
 * such as JWKS was measured mostly as the client's cost. Both Janua and Keycloak are driven by this client.
 *
 * <p>Not a general client: no TLS, no redirects, no pipelining; loopback benchmarks only.
 */
final class RawHttp implements Closeable {
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.hostHeader = host + ":" + port;
    }

    /** {@code headers} as "Name: value" lines without line ends; {@code body} may be null. */
    Response send(String method, String path, String[] headers, byte[] body) throws IOException {
        byte[] request = request(method, path, headers, body);
        boolean fresh = socket == null;
        try {
            return exchange(request);
        } catch (IOException e) {
            close();
            // a kept-alive connection the server closed between two requests: send once more on a new one
            // (the request never reached the server, so even a POST is not sent twice)
            if (fresh || !(e instanceof EOFException || e instanceof java.net.SocketException)) throw e;
            return exchange(request);
        }
    }

    private Response exchange(byte[] request) throws IOException {
        if (socket == null) connect();
        out.write(request);
        out.flush();
        String status = line();
        if (status == null) throw new EOFException("connection closed before the response");
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false, closes = false;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) continue;
            String name = h.substring(0, colon).trim(), value = h.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) length = Long.parseLong(value);
            else if (name.equalsIgnoreCase("Transfer-Encoding")) chunked = value.equalsIgnoreCase("chunked");
            else if (name.equalsIgnoreCase("Connection")) closes = value.equalsIgnoreCase("close");
        }
        byte[] content = chunked ? chunks() : length >= 0 ? in.readNBytes((int) length) : in.readAllBytes();
        if (closes || (!chunked && length < 0)) close();
        return new Response(code, content);
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            if (size == null) throw new EOFException("connection closed inside a chunked body");
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (true) { // trailers, up to the empty line
                    String t = line();
                    if (t == null || t.isEmpty()) return content.toByteArray();
                }
            }
            content.write(in.readNBytes(n));
            line(); // the CRLF after the chunk
        }
    }

    /** One header line without its CRLF, or null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = s.length();
                if (n > 0 && s.charAt(n - 1) == '\r') s.setLength(n - 1);
                return s.toString();
            }
            s.append((char) c);
        }
        return s.isEmpty() ? null : s.toString();
    }

    private byte[] request(String method, String path, String[] headers, byte[] body) {
        StringBuilder r = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader).append("\r\n");
        for (String h : headers) r.append(h).append("\r\n");
        if (body != null) r.append("Content-Length: ").append(body.length).append("\r\n");
        r.append("\r\n");
        byte[] head = r.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (body == null) return head;
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
        out = socket.getOutputStream();
    }

    @Override
    public void close() {
        try {
            if (socket != null) socket.close();
        } catch (IOException ignored) {
            // closing a socket the server may already have closed
        } finally {
            socket = null;
        }
    }
}
