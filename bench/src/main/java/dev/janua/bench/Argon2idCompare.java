package dev.janua.bench;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import dev.janua.server.platform.crypto.Argon2idEngine;
import dev.janua.server.platform.crypto.Argon2idEngines;
import dev.janua.server.platform.crypto.JavaArgon2id;
import dev.janua.server.platform.crypto.NativeArgon2id;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Argon2id implementations interleaved hash by hash (round-robin), so a shared machine's load
 * drift hits all of them alike — JMH runs them one after another, minutes apart. Prints one JSON
 * line: per implementation the median wall time and the median thread CPU time of one hash at
 * SECURITY.md's parameters, after a warm-up; {@code serverAuto} is the engine the server picks by default. {@code ./janua bench signin} runs it.
 * Usage: {@code Argon2idCompare [rounds=40] [warmupRounds=10]}
 */
public final class Argon2idCompare {
    private static final int M = 19456, T = 2, P = 1, TAG = 32;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        Argon2idEngine bc = Argon2idEngines.verified(new JavaArgon2id());
        Argon2idEngine nat = Argon2idEngines.verified(NativeArgon2id.load(Runtime.getRuntime().availableProcessors(), M));
        // what the server's default (auto) picks: libsodium in front of libargon2 when both are installed and it is timed cheaper
        Argon2idEngine auto = Argon2idEngines.select("auto", Runtime.getRuntime().availableProcessors(), new Argon2idEngines.Costs(M, T, P));
        Argon2Function p4j = Argon2Function.getInstance(M, T, P, TAG, Argon2.ID, 0x13);
        Map<String, Supplier<byte[]>> impls = new LinkedHashMap<>();
        impls.put("bouncyCastle", () -> bc.hash(password, salt, M, T, P, TAG));
        impls.put("nativeLibargon2Pooled", () -> nat.hash(password, salt, M, T, P, TAG));
        Argon2idEngine sodium = Argon2idEngines.libsodiumOver(nat);
        impls.put("libsodium", () -> sodium.hash(password, salt, M, T, P, TAG));
        impls.put("serverAuto", () -> auto.hash(password, salt, M, T, P, TAG));
        impls.put("password4j", () -> p4j.hash(password, salt).getBytes());
        byte[] reference = impls.get("bouncyCastle").get();
        impls.forEach((name, impl) -> {
            if (!Arrays.equals(reference, impl.get())) throw new IllegalStateException(name + " disagrees");
        });
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, double[]> wall = new LinkedHashMap<>(), cpu = new LinkedHashMap<>();
        impls.keySet().forEach(k -> { wall.put(k, new double[rounds]); cpu.put(k, new double[rounds]); });
        for (int r = -warmup; r < rounds; r++) {
            for (Map.Entry<String, Supplier<byte[]>> e : impls.entrySet()) {
                long c0 = threads.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                e.getValue().get();
                long w1 = System.nanoTime(), c1 = threads.getCurrentThreadCpuTime();
                if (r >= 0) {
                    wall.get(e.getKey())[r] = (w1 - w0) / 1e6;
                    cpu.get(e.getKey())[r] = (c1 - c0) / 1e6;
                }
            }
        }
        StringBuilder json = new StringBuilder("{\"rounds\": " + rounds + ", \"serverAutoEngine\": \"" + auto.name() + "\", \"loadAverage\": "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (String k : impls.keySet()) {
            json.append(String.format(", \"%s\": {\"medianMs\": %.2f, \"medianCpuMs\": %.2f, \"minMs\": %.2f}",
                    k, median(wall.get(k)), median(cpu.get(k)), Arrays.stream(wall.get(k)).min().orElse(0)));
        }
        System.out.println(json.append("}"));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
