package dev.janua.server.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A second Janua server as a separate OS process, started from the test's own class path, so a
 * test can kill it with SIGKILL ({@link Process#destroyForcibly()} on Linux) and start it again.
 */
public final class JanuaProcess implements AutoCloseable {
    /** A liveness bound, not a speed claim: a second JVM on a loaded 2-core CI machine has been seen taking 90 s. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();
    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    private JanuaProcess(List<String> command, Path log, int port) {
        this.command = command;
        this.log = log;
        this.port = port;
    }

    /**
     * Properties for a second process on the test JVM's own database, data dir {@code dataDir}, the same
     * master key (shared signing keys and HMAC keys) and loopback exempt from rate limits; callers add more.
     */
    public static Map<String, String> sharingTheTestDatabase(Path dataDir) throws IOException {
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("janua.database-url", dev.janua.server.support.TestDatabase.jdbcUrl());
        props.put("janua.data-dir", dataDir.toString());
        props.put("janua.master-key", java.nio.file.Files.readString(dev.janua.server.support.TestDatabase.dataDir().resolve("master.key")).trim());
        props.put("janua.rate-limits.exempt-ips", "127.0.0.1");
        return props;
    }

    /** {@code properties}: Spring properties passed as {@code --key=value}. */
    public static JanuaProcess start(int port, Map<String, String> properties, Path log) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.janua.server.JanuaApplication",
                "--server.port=" + port, "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--janua.passwords.argon2-memory-kib=1024", "--janua.passwords.argon2-iterations=1"));
        properties.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        JanuaProcess p = new JanuaProcess(cmd, log, port);
        p.launch();
        return p;
    }

    private void launch() {
        try {
            ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            b.environment().keySet().removeIf(k -> k.startsWith("JANUA_"));
            process = b.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a Janua process", e);
        }
    }

    public int port() {
        return port;
    }

    /** Waits until {@code /ready} answers 200; fails if the process exits first. */
    public JanuaProcess awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("Janua process exited with " + process.exitValue() + "; see " + log);
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return this;
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(200);
        }
        throw new AssertionError("Janua process not ready after " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hook, no graceful drain — as if the machine lost the process. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** Starts the same command again (same port, database and data directory). */
    public JanuaProcess restart() {
        if (process.isAlive()) kill();
        launch();
        return this;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port in issue 5's range (8500–8599) that nothing listens on now. */
    public static synchronized int freePort() {
        for (int p = 8500 + (int) (ProcessHandle.current().pid() % 50); p < 8600; p++) {
            if (!HANDED_OUT.add(p)) continue;
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress("127.0.0.1", p));
                return p;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("no free port in 8500-8599");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
