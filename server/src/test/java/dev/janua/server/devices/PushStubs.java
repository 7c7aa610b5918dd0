package dev.janua.server.devices;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * Local stand-ins for the push services, on WireMock (the standalone jar): plain HTTP for the FCM
 * and Web Push stubs, and for APNs HTTPS with HTTP/2 negotiated by ALPN — as Apple's servers speak —
 * on a certificate for 127.0.0.1 made with the JDK's keytool. Plus the credentials each service
 * needs: a service-account key file for FCM, an APNs {@code .p8} key.
 */
public final class PushStubs {
    private static final String PASS = "changeit";

    private PushStubs() {}

    public static WireMockServer http() {
        WireMockServer w = new WireMockServer(options().dynamicPort());
        w.start();
        return w;
    }

    /** HTTPS only, HTTP/2 over TLS; trust {@link Tls#caPem()}. */
    public static WireMockServer https(Tls tls) {
        WireMockServer w = new WireMockServer(options().httpDisabled(true).httpsPort(0).keystorePath(tls.keystore().toString())
                .keystoreType("PKCS12").keystorePassword(PASS).keyManagerPassword(PASS));
        w.start();
        return w;
    }

    /** A server certificate for 127.0.0.1 and localhost, and the PEM file that trusts it. */
    public record Tls(Path keystore, Path caPem) {
        public static Tls create(Path dir) throws Exception {
            Path p12 = dir.resolve("stub.p12");
            Path pem = dir.resolve("stub-ca.pem");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(keytool, "-genkeypair", "-alias", "stub", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", p12.toString(), "-storetype", "PKCS12",
                    "-storepass", PASS, "-keypass", PASS);
            run(keytool, "-exportcert", "-rfc", "-alias", "stub", "-keystore", p12.toString(), "-storepass", PASS, "-file", pem.toString());
            return new Tls(p12, pem);
        }

        private static void run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("keytool failed: " + out);
        }
    }

    /** A Google service-account key file whose token_uri is the stub's. */
    public record ServiceAccount(String json, RSAPublicKey publicKey) {
        public static ServiceAccount create(String tokenUri) throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            // the key file holds the PEM as a JSON string, its line breaks escaped
            String pem = ("-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n").replace("\n", "\\n");
            String json = """
                    {"type": "service_account", "project_id": "janua-test", "private_key_id": "key-1", "private_key": "%s",
                     "client_email": "push@janua-test.iam.gserviceaccount.com", "token_uri": "%s"}""".formatted(pem, tokenUri);
            return new ServiceAccount(json, (RSAPublicKey) pair.getPublic());
        }
    }

    /** An APNs authentication key as Apple hands it out: PKCS#8 PEM of a P-256 key. */
    public record ApnsKey(String pem, ECPublicKey publicKey) {
        public static ApnsKey create() throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = g.generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            return new ApnsKey(pem, (ECPublicKey) pair.getPublic());
        }

        public Path write(Path dir) throws Exception {
            return Files.writeString(dir.resolve("AuthKey_TEST123456.p8"), pem);
        }
    }
}
