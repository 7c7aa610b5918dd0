package dev.janua.server.support;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local DNS server for the tests (RFC 1035 over UDP, TXT answers only): the SSO module's domain
 * verification resolves through it with the JDK's real DNS client ({@code janua.sso.dns-server}).
 * Names without records answer NXDOMAIN.
 */
public final class TestDns {
    private static final Map<String, List<String>> TXT = new ConcurrentHashMap<>();
    private static DatagramSocket socket;

    private TestDns() {}

    public static synchronized String address() {
        if (socket == null) {
            try {
                socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Thread.ofVirtual().name("test-dns").start(TestDns::serve);
        }
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public static void txt(String name, String... values) {
        TXT.put(name.toLowerCase(Locale.ROOT), List.of(values));
    }

    public static void clear(String name) {
        TXT.remove(name.toLowerCase(Locale.ROOT));
    }

    private static void serve() {
        byte[] buf = new byte[512];
        while (true) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                byte[] answer = answer(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                socket.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
            } catch (Exception e) {
                if (socket.isClosed()) return;
            }
        }
    }

    private static byte[] answer(byte[] q) {
        int i = 12;
        StringBuilder name = new StringBuilder();
        while (q[i] != 0) {
            int len = q[i] & 0xff;
            if (name.length() > 0) name.append('.');
            name.append(new String(q, i + 1, len, StandardCharsets.US_ASCII));
            i += len + 1;
        }
        int questionEnd = i + 5; // zero label, QTYPE, QCLASS
        int qtype = ((q[i + 1] & 0xff) << 8) | (q[i + 2] & 0xff);
        List<String> records = qtype == 16 ? TXT.get(name.toString().toLowerCase(Locale.ROOT)) : null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(q[0]);
        out.write(q[1]);
        out.write(0x81); // response, recursion desired
        out.write(records == null ? 0x83 : 0x80); // recursion available; NXDOMAIN when nothing is known
        out.writeBytes(new byte[] {0, 1, 0, (byte) (records == null ? 0 : records.size()), 0, 0, 0, 0});
        out.write(q, 12, questionEnd - 12);
        if (records != null) {
            for (String r : records) {
                byte[] v = r.getBytes(StandardCharsets.UTF_8);
                out.writeBytes(new byte[] {(byte) 0xc0, 12, 0, 16, 0, 1, 0, 0, 0, 60});
                out.write(0);
                out.write(v.length + 1);
                out.write(v.length);
                out.writeBytes(v);
            }
        }
        return out.toByteArray();
    }
}
