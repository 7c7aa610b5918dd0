package dev.janua.sdk;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts one Janua built from this tree for the whole suite ({@code scripts/sdk-server.sh start java}: the server
 * jar, an empty embedded database, development mode, a free port) and stops it when the suite ends. A child
 * process, not an in-process Spring context: the SDK's tests see the server exactly as an application does,
 * over HTTP, and the SDK's test classpath stays free of Spring and the server's Java 21 classes.
 *
 * <p>Settings: a bootstrap admin; the {@code auth} bucket wide open (every test signs in from 127.0.0.1), the
 * password-reset bucket tiny and short (2 per 3 s) so the 429 tests run in seconds; loopback webhook targets allowed.
 */
public final class JanuaServer implements BeforeAllCallback {
    public static final String ADMIN_EMAIL = "admin@sdk-java.example.com";
    public static final String ADMIN_PASSWORD = "java sdk bootstrap admin passphrase";
    static final Map<String, String> ENV = Map.of(
            "JANUA_ADMIN_EMAIL", ADMIN_EMAIL,
            "JANUA_ADMIN_PASSWORD", ADMIN_PASSWORD,
            "JANUA_RATE_LIMITS_AUTH_CAPACITY", "100000",
            "JANUA_RATE_LIMITS_ANONYMOUS_CAPACITY", "100000",
            "JANUA_RATE_LIMITS_PASSWORD_RESET_CAPACITY", "2",
            "JANUA_RATE_LIMITS_PASSWORD_RESET_PERIOD", "3s",
            "JANUA_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");

    private static String url;
    private static RuntimeException failed;

    /** The server's base URL (without {@code /api/v1}). */
    public static synchronized String url() {
        if (failed != null) throw failed; // one attempt per run: the other classes fail at once
        if (url == null) {
            try {
                url = start();
            } catch (RuntimeException e) {
                failed = e;
                throw e;
            }
        }
        return url;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        url();
        // stopped once, when the whole run ends (the root store outlives every test class)
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("janua-server", k -> (AutoCloseable) JanuaServer::stop, AutoCloseable.class);
    }

    private static String start() {
        String explicit = System.getenv("JANUA_SDK_TEST_URL");
        if (explicit != null && !explicit.isBlank()) return explicit; // a server someone else runs
        try {
            ProcessBuilder pb = new ProcessBuilder(script().toString(), "start", "java").redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().putAll(ENV);
            // the SDK's tests may run on Java 17; the server (and its build) need 21+
            if (Runtime.version().feature() < 21) {
                String jdk = serverJdk();
                if (jdk != null) pb.environment().put("JAVA_HOME", jdk);
                else pb.environment().remove("JAVA_HOME"); // sdk-server.sh looks for one itself
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) throw new IllegalStateException("sdk-server.sh start failed: " + out);
            List<String> lines = out.lines().toList();
            return lines.get(lines.size() - 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stop() throws Exception {
        if (System.getenv("JANUA_SDK_TEST_URL") != null) return;
        new ProcessBuilder(script().toString(), "stop", "java").inheritIO().start().waitFor();
    }

    /** A Temurin JDK under /usr/lib/jvm (the JDK 21+ this machine kind has), or {@code JANUA_SERVER_JAVA_HOME}. */
    private static String serverJdk() {
        String explicit = System.getenv("JANUA_SERVER_JAVA_HOME");
        if (explicit != null && !explicit.isBlank()) return explicit;
        java.io.File[] dirs = new java.io.File("/usr/lib/jvm").listFiles((d, n) -> n.contains("temurin"));
        if (dirs == null || dirs.length == 0) return null;
        java.util.Arrays.sort(dirs);
        return dirs[dirs.length - 1].getAbsolutePath();
    }

    private static Path script() {
        String root = System.getProperty("janua.repo.root", "../..");
        return Path.of(root, "scripts", "sdk-server.sh").toAbsolutePath().normalize();
    }
}
