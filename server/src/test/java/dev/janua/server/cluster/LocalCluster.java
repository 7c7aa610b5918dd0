package dev.janua.server.cluster;

import dev.janua.server.support.Api;
import dev.janua.server.support.TestDatabase;
import dev.janua.server.support.TestMail;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Three Janua processes behind HAProxy, started by the same script operators use ({@code ./janua cluster up},
 * scripts/cluster.sh), from the test's class path and on the test database (already migrated by the in-process
 * server, with its master key), so the test can read what the nodes wrote. Nodes are separate OS processes:
 * {@link #kill(int)} is a real SIGKILL.
 */
final class LocalCluster implements AutoCloseable {
    static final int NODES = 3;
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private final Path dir;
    private final int port;

    private LocalCluster(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** {@code args}: Spring properties for every node, on top of the test defaults below. */
    static LocalCluster up(Map<String, String> args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("janua-cluster-");
        int port = freePortBlock(NODES + 1);
        List<String> spring = new ArrayList<>(List.of(
                "--logging.level.root=WARN",
                // the suite's cheap Argon2 parameters (IntegrationTest); sizing figures use the real ones (docs/sizing.md)
                "--janua.passwords.argon2-memory-kib=1024", "--janua.passwords.argon2-iterations=1",
                "--janua.smtp-url=smtp://127.0.0.1:" + TestMail.port(),
                "--janua.webhooks.allow-private-targets=true", "--janua.webhooks.poll-interval=200ms",
                "--janua.notifications.poll-interval=200ms", "--janua.realtime.heartbeat=1s"));
        args.forEach((k, v) -> spring.add("--" + k + "=" + v));
        ProcessBuilder b = new ProcessBuilder(ROOT.resolve("scripts/cluster.sh").toString(), "up", String.valueOf(NODES))
                .redirectErrorStream(true).redirectOutput(dir.resolve("up.log").toFile());
        Map<String, String> env = b.environment();
        env.keySet().removeIf(k -> k.startsWith("JANUA_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JANUA_CLUSTER_DIR", dir.toString());
        env.put("JANUA_CLUSTER_PORT", String.valueOf(port));
        env.put("JANUA_CLUSTER_CLASSPATH", System.getProperty("java.class.path"));
        env.put("JANUA_CLUSTER_DATABASE_URL", TestDatabase.jdbcUrl());
        env.put("JANUA_CLUSTER_ARGS", String.join(" ", spring));
        env.put("JANUA_MASTER_KEY", Files.readString(TestDatabase.dataDir().resolve("master.key")).trim());
        env.put("JANUA_REDIS_URL", dev.janua.server.support.TestRedis.URL);
        LocalCluster cluster = new LocalCluster(dir, port);
        Process up = b.start();
        // the script's own wait loops time out (240 s per step); this bound only guards against a hung script
        if (!up.waitFor(15, TimeUnit.MINUTES)) {
            up.destroyForcibly();
            cluster.close();
            throw new AssertionError("cluster.sh up hung; see " + dir);
        }
        if (up.exitValue() != 0) {
            cluster.close();
            throw new AssertionError("cluster.sh up failed:\n" + Files.readString(dir.resolve("up.log")));
        }
        return cluster;
    }

    Api balancer() {
        return new Api(port);
    }

    int balancerPort() {
        return port;
    }

    /** Node 1..{@value #NODES}, reached directly (not through the balancer). */
    Api node(int i) {
        return new Api(nodePort(i));
    }

    int nodePort(int i) {
        return port + i;
    }

    /** SIGKILL of node {@code i}: no shutdown hook, no drain, its in-flight requests die with it. */
    void kill(int i) throws IOException {
        long pid = Long.parseLong(Files.readString(dir.resolve("node" + i + "/pid")).trim());
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    Path log(int i) {
        return dir.resolve("node" + i + "/node.log");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(ROOT.resolve("scripts/cluster.sh").toString(), "down")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("down.log").toFile()));
        b.environment().keySet().removeIf(k -> k.startsWith("JANUA_"));
        b.environment().put("JANUA_CLUSTER_DIR", dir.toString());
        Process down = b.start();
        if (!down.waitFor(2, TimeUnit.MINUTES)) down.destroyForcibly();
    }

    /** {@code n} consecutive free loopback ports in 8600–8999 (issue 5's 8500–8599 belong to JanuaProcess). */
    private static int freePortBlock(int n) {
        outer:
        for (int p = 8600 + (int) (ProcessHandle.current().pid() % 40) * 10; p + n < 9000; p += n) {
            for (int q = p; q < p + n; q++) {
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress("127.0.0.1", q));
                } catch (IOException taken) {
                    continue outer;
                }
            }
            return p;
        }
        throw new IllegalStateException("no " + n + " free consecutive ports in 8600-8999");
    }
}
