package dev.janua.bench;

import dev.janua.server.platform.crypto.Argon2idEngine;
import dev.janua.server.platform.crypto.Argon2idEngines;
import dev.janua.server.platform.crypto.NativeArgon2id;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;

/**
 * Issue 16: is "one hash" the same cost when every core hashes at once? The sign-in bound is
 * cores ÷ one hash measured on one thread; with 19 MiB of blocks per hash, two hashes at once share
 * the last-level cache and memory bandwidth and may each take longer. Alternates rounds of 1 thread
 * and of N threads (N = cores by default) hashing with the server's native engine, each thread
 * starting its hash at the same moment (a barrier), and prints per phase the median thread CPU time
 * and wall time of one hash, plus the throughput of the N-thread rounds.
 * Usage: {@code Argon2idConcurrency [rounds=20] [threads=cores] [hashesPerRound=10] [libargon2|libsodium]}
 * (libsodium: the engine the server keeps when its timing finds it cheaper, {@code Argon2idEngines.libsodiumOver})
 */
public final class Argon2idConcurrency {
    private static final int M = 19456, T = 2, P = 1, TAG = 32;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Argon2idEngine engine = Argon2idEngines.verified(NativeArgon2id.load(Runtime.getRuntime().availableProcessors(), M));
        if (args.length > 3 && args[3].equals("libsodium")) engine = Argon2idEngines.libsodiumOver(engine);
        List<double[]> single = new ArrayList<>(), multi = new ArrayList<>();
        double multiWallSeconds = 0;
        int multiHashes = 0;
        run(engine, 1, 3); run(engine, threads, 3); // warm-up
        for (int r = 0; r < rounds; r++) {
            single.addAll(run(engine, 1, perRound));
            long w0 = System.nanoTime();
            multi.addAll(run(engine, threads, perRound));
            multiWallSeconds += (System.nanoTime() - w0) / 1e9;
            multiHashes += threads * perRound;
        }
        System.out.printf("{\"engine\": \"%s\", \"threads\": %d, \"hashes\": %d, "
                        + "\"oneThread\": {\"medianCpuMs\": %.2f, \"medianWallMs\": %.2f}, "
                        + "\"%dThreads\": {\"medianCpuMs\": %.2f, \"medianWallMs\": %.2f, \"hashesPerSecond\": %.1f}, "
                        + "\"loadAverage\": %.2f}%n",
                engine.getClass().getSimpleName(), threads, rounds * perRound,
                median(single, 0), median(single, 1), threads, median(multi, 0), median(multi, 1),
                multiHashes / multiWallSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** {cpuMs, wallMs} of each hash, {@code perThread} hashes on each of {@code n} threads started together. */
    private static List<double[]> run(Argon2idEngine engine, int n, int perThread) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        CyclicBarrier barrier = new CyclicBarrier(n);
        List<double[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] password = ("correct horse battery staple " + i).getBytes(StandardCharsets.UTF_8);
            byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    for (int k = 0; k < perThread; k++) {
                        barrier.await(); // every thread's hash overlaps the others'
                        long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                        engine.hash(password, salt, M, T, P, TAG);
                        samples.add(new double[] {(mx.getCurrentThreadCpuTime() - c0) / 1e6, (System.nanoTime() - w0) / 1e6});
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            workers.add(t);
        }
        for (Thread t : workers) t.join();
        return samples;
    }

    private static double median(List<double[]> samples, int column) {
        double[] v = samples.stream().mapToDouble(s -> s[column]).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
