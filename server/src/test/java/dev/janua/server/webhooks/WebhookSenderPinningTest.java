package dev.janua.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.janua.server.webhooks.app.WebhookSender;
import dev.janua.server.webhooks.domain.TargetPolicy;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS rebinding (issue 18, item 12): a delivery connects to the address its target check resolved,
 * never to a second lookup's answer, and still speaks to the original name (Host header, TLS SNI,
 * certificate hostname verification). DNS is an injected resolver that answers differently on its
 * second call, as a rebinding attacker's name server would.
 */
class WebhookSenderPinningTest {
    private static final String NAME = "hooks.rebind.test";
    private static final String PASS = "changeit";
    @TempDir
    static Path dir;
    private static KeyStore serverKeys;
    private static KeyStore trusted;

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final int port = Integer.parseInt(receiver.url("").replaceAll(".*:(\\d+).*", "$1"));
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    private WebhookSender sender;

    @BeforeAll
    static void certificate() throws Exception {
        // a certificate for NAME only (no IP address in it), made with the JDK's keytool
        Path p12 = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hook", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + NAME,
                "-ext", "SAN=dns:" + NAME, "-validity", "2", "-keystore", p12.toString(), "-storetype", "PKCS12",
                "-storepass", PASS, "-keypass", PASS).redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(out).isZero();
        serverKeys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            serverKeys.load(in, PASS.toCharArray());
        }
        trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("hook", serverKeys.getCertificate("hook"));
    }

    @AfterEach
    void close() {
        receiver.close();
        if (sender != null) sender.close();
    }

    @Test
    void aNameThatRebindsToLoopbackAfterPassingTheCheckIsNotDeliveredToLoopback() {
        // first answer public (passes the check), every later answer the loopback receiver: the rebinding attack
        sender = sender(false, answers(NAME, "192.0.2.1", "127.0.0.1"), Duration.ofSeconds(1));
        WebhookSender.Result r = send("http://" + NAME + ":" + port + "/hook");
        assertThat(r.succeeded()).isFalse();
        assertThat(receiver.all()).isEmpty(); // the second answer was never used
        assertThat(lookups.get(NAME)).hasValue(1);
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefusedAtConnectionTime() {
        sender = sender(false, answers(NAME, "127.0.0.1"), Duration.ofSeconds(1));
        WebhookSender.Result r = send("http://" + NAME + ":" + port + "/hook");
        assertThat(r.statusCode()).isNull();
        assertThat(r.error()).isEqualTo("target refused: private_address");
        assertThat(receiver.all()).isEmpty();
    }

    @Test
    void theConnectionGoesToTheFirstAnswerAndTheRequestStillNamesTheHost() {
        // private targets allowed so the loopback receiver is reachable; the later answer is an unroutable address
        sender = sender(true, answers(NAME, "127.0.0.1", "192.0.2.1"), Duration.ofSeconds(2));
        WebhookSender.Result r = send("http://" + NAME + ":" + port + "/hook");
        assertThat(r.statusCode()).as(r.error()).isEqualTo(200);
        assertThat(receiver.all()).hasSize(1);
        assertThat(receiver.all().getFirst().header("Host")).isEqualTo(NAME + ":" + port);
        assertThat(receiver.all().getFirst().header("Content-Type")).isEqualTo("application/json");
        assertThat(lookups.get(NAME)).hasValue(1);
    }

    @Test
    void overTlsTheAddressIsPinnedWhileSniAndHostnameVerificationUseTheOriginalName() throws Exception {
        List<String> sni = new CopyOnWriteArrayList<>();
        ConcurrentLinkedQueue<String> hosts = new ConcurrentLinkedQueue<>();
        HttpsServer tls = httpsServer(sni, hosts);
        try {
            int tlsPort = tls.getAddress().getPort();
            Map<String, String[]> dns = Map.of(NAME, new String[] {"127.0.0.1", "192.0.2.1"},
                    "other.rebind.test", new String[] {"127.0.0.1"});
            sender = sender(true, resolver(dns), Duration.ofSeconds(2));

            WebhookSender.Result ok = send("https://" + NAME + ":" + tlsPort + "/hook");
            assertThat(ok.statusCode()).as(ok.error()).isEqualTo(200);
            assertThat(sni).containsOnly(NAME);
            assertThat(hosts).containsExactly(NAME + ":" + tlsPort);
            assertThat(lookups.get(NAME)).hasValue(1);

            // same address, but the certificate does not name this host: hostname verification refuses it
            WebhookSender.Result wrongName = send("https://other.rebind.test:" + tlsPort + "/hook");
            assertThat(wrongName.statusCode()).isNull();
            assertThat(wrongName.error()).startsWith("connection failed: SSL").contains("other.rebind.test");
            assertThat(hosts).hasSize(1);
        } finally {
            tls.stop(0);
        }
    }

    private WebhookSender.Result send(String url) {
        return sender.send(url, "msg_1", "user.created", "{\"a\":1}", List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), 1_700_000_000L);
    }

    private WebhookSender sender(boolean allowPrivate, TargetPolicy.Resolver resolver, Duration timeout) {
        WebhookProperties props = new WebhookProperties(allowPrivate, timeout, Duration.ofSeconds(60), 4, Duration.ofSeconds(1),
                List.of(Duration.ZERO), 0.0, Duration.ofHours(24), "2025-01-15", Duration.ofSeconds(2), Duration.ofHours(24));
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return new WebhookSender(props, new TargetPolicy(allowPrivate, resolver), ctx);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One name whose n-th lookup gets the n-th answer (the last one repeats), counting lookups. */
    private TargetPolicy.Resolver answers(String name, String... addresses) {
        return resolver(Map.of(name, addresses));
    }

    private TargetPolicy.Resolver resolver(Map<String, String[]> dns) {
        return host -> {
            String[] answers = dns.get(host);
            if (answers == null) throw new UnknownHostException(host);
            int n = lookups.computeIfAbsent(host, h -> new AtomicInteger()).getAndIncrement();
            String ip = answers[Math.min(n, answers.length - 1)];
            return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(ip).getAddress())};
        };
    }

    private static HttpsServer httpsServer(List<String> sni, ConcurrentLinkedQueue<String> hosts) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, PASS.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        sni.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                params.setSSLParameters(p);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            byte[] out = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        return server;
    }
}
