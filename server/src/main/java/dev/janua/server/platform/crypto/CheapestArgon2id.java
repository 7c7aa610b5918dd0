package dev.janua.server.platform.crypto;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Times verified Argon2id engines at Janua's own hashing costs and keeps the one that costs the least CPU.
 *
 * <p>Which native engine is cheaper is a property of the host, not of the code: on the same machine kind
 * libsodium (fresh memory mapped per hash, a vectorised block function) cost a fifth less CPU than
 * libargon2 with its pooled block one day and about twice as much later the same day (BENCHMARKS.md), so a
 * fixed order is wrong somewhere. The engines run interleaved, {@value #ROUNDS} rounds each, and each is
 * judged by its cheapest round: the first round of a pooling engine pays for touching its new block, which
 * steady sign-ins do not. Thread CPU time, not wall time, so a busy start-up on the other cores does not
 * decide; a host without per-thread CPU clocks falls back to wall time. About six hashes (~150–250 ms of one
 * core) on a background thread once the server is ready ({@link PasswordHasher}), not during start-up.
 */
final class CheapestArgon2id {
    static final int ROUNDS = 3;
    private static final byte[] PASSWORD = "cheapest-argon2id-engine-probe".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int TAG_BYTES = 32;

    /** An engine and its cheapest measured hash, in nanoseconds. */
    record Timed(Argon2idEngine engine, long nanos) {
        String millis() {
            return String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
    }

    private CheapestArgon2id() {}

    /** Every engine with its cheapest round, cheapest first, timed by this thread's CPU clock. */
    static List<Timed> timed(List<Argon2idEngine> engines, Argon2idEngines.Costs costs) {
        return timed(engines, costs, cpuClock());
    }

    /** Every engine with its cheapest round, cheapest first (a stable sort: on a tie the earlier engine stays first). */
    static List<Timed> timed(List<Argon2idEngine> engines, Argon2idEngines.Costs costs, LongSupplier clock) {
        long[] cheapest = new long[engines.size()];
        java.util.Arrays.fill(cheapest, Long.MAX_VALUE);
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < engines.size(); i++) {
                long start = clock.getAsLong();
                engines.get(i).hash(PASSWORD, SALT, costs.memoryKib(), costs.iterations(), costs.parallelism(), TAG_BYTES);
                cheapest[i] = Math.min(cheapest[i], clock.getAsLong() - start);
            }
        }
        return java.util.stream.IntStream.range(0, engines.size())
                .mapToObj(i -> new Timed(engines.get(i), cheapest[i]))
                .sorted(java.util.Comparator.comparingLong(Timed::nanos))
                .toList();
    }

    private static LongSupplier cpuClock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isCurrentThreadCpuTimeSupported()) {
            try {
                if (!threads.isThreadCpuTimeEnabled()) threads.setThreadCpuTimeEnabled(true);
                return threads::getCurrentThreadCpuTime;
            } catch (UnsupportedOperationException | SecurityException notAllowed) {
                // fall through to wall time
            }
        }
        return System::nanoTime;
    }
}
