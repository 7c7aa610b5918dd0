package dev.janua.server.platform.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the Argon2id implementation once per process: native libargon2 when it loads and
 * reproduces RFC 9106's Argon2id test vector, else BouncyCastle's Java implementation (logged once,
 * with the reason); then libsodium in front of it if libsodium is cheaper per hash on this host (timed). {@code janua.passwords.argon2-implementation} forces one ({@code native} fails
 * start-up when the library is missing rather than silently running slower).
 */
public final class Argon2idEngines {
    private static final Logger log = LoggerFactory.getLogger(Argon2idEngines.class);

    /** RFC 9106 section 5.3 (Argon2id, v=0x13, t=3, m=32 KiB, p=4): the expected 32-byte tag. */
    static final byte[] RFC9106_TAG = HexFormat.of().parseHex(
            "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");

    private Argon2idEngines() {}

    /** Janua's own hashing costs (SECURITY.md's by default): what the engines are timed at. */
    public record Costs(int memoryKib, int iterations, int parallelism) {}

    /**
     * {@code auto} (default), {@code native} or {@code java}; the native engine pools up to {@code poolSize}
     * blocks of the configured memory. Unless {@code java} is forced, libsodium is timed against the chosen
     * engine at {@code costs} and kept in front of it only when it is cheaper on this host.
     */
    public static Argon2idEngine select(String implementation, int poolSize, Costs costs) {
        Argon2idEngine engine = verifiedBase(implementation, poolSize, costs.memoryKib());
        return "java".equalsIgnoreCase(String.valueOf(implementation).trim()) ? engine : cheaperWithSodium(engine, costs);
    }

    /** The first step of {@link #select}: libargon2 or BouncyCastle as configured, verified, without libsodium. */
    public static Argon2idEngine verifiedBase(String implementation, int poolSize, int memoryKib) {
        return select(implementation, () -> NativeArgon2id.load(poolSize, memoryKib), poolSize);
    }

    /**
     * {@code engine}, or libsodium in front of it when libsodium loads, gives the known tag, would compute
     * Janua's own hashes (one lane) and costs less CPU per hash than {@code engine} here ({@link CheapestArgon2id}).
     */
    public static Argon2idEngine cheaperWithSodium(Argon2idEngine engine, Costs costs) {
        return cheaperWithSodium(engine, SodiumArgon2id::over, costs, engines -> CheapestArgon2id.timed(engines, costs));
    }

    /** libsodium in front of {@code engine} whatever it costs (benchmarks compare it); throws when it is unavailable. */
    public static Argon2idEngine libsodiumOver(Argon2idEngine engine) {
        return SodiumArgon2id.over(engine);
    }

    /** The same, with the timing given (tests stand in engines of known cost). */
    static Argon2idEngine cheaperWithSodium(Argon2idEngine engine, UnaryOperator<Argon2idEngine> sodiumOver, Costs costs,
                                            Function<List<Argon2idEngine>, List<CheapestArgon2id.Timed>> timing) {
        if (costs.parallelism() != 1) {
            return engine; // libsodium computes one lane only: it would never answer for Janua's own hashes
        }
        Argon2idEngine sodium;
        try {
            sodium = sodiumOver.apply(engine);
        } catch (Throwable unavailable) { // UnsatisfiedLinkError, a wrong tag
            log.info("Argon2id: {} (libsodium not used: {})", engine.name(), unavailable.toString());
            return engine;
        }
        List<CheapestArgon2id.Timed> timed = timing.apply(List.of(engine, sodium));
        CheapestArgon2id.Timed cheapest = timed.get(0), other = timed.get(1);
        log.info("Argon2id: {}, {} CPU per hash at m={} KiB, t={}; {} took {} (timed, cheaper kept)",
                cheapest.engine().name(), cheapest.millis(), costs.memoryKib(), costs.iterations(),
                other.engine() == sodium ? "libsodium" : other.engine().name(), other.millis());
        return cheapest.engine();
    }

    /** The same, with the native loader given (tests stand in a machine without libargon2). */
    static Argon2idEngine select(String implementation, Supplier<Argon2idEngine> loadNative, int poolSize) {
        String choice = implementation == null || implementation.isBlank() ? "auto" : implementation.trim().toLowerCase();
        switch (choice) {
            case "java" -> {
                return verified(new JavaArgon2id());
            }
            case "native" -> {
                return verified(loadNative.get());
            }
            case "auto" -> {
                try {
                    Argon2idEngine engine = verified(loadNative.get());
                    log.info("Argon2id: native libargon2 (pool of {} blocks)", poolSize);
                    return engine;
                } catch (Throwable unavailable) { // UnsatisfiedLinkError, NoClassDefFoundError, a wrong answer
                    log.warn("Argon2id: native libargon2 unavailable ({}); using the Java implementation, about twice"
                            + " as slow per sign-in. Install libargon2-1 (Debian/Ubuntu) for faster sign-ins.",
                            unavailable.toString());
                    return verified(new JavaArgon2id());
                }
            }
            default -> throw new IllegalArgumentException(
                    "janua.passwords.argon2-implementation must be auto, native or java, not " + implementation);
        }
    }

    /** The engine itself, once it has reproduced RFC 9106's Argon2id tag; throws otherwise. */
    public static Argon2idEngine verified(Argon2idEngine engine) {
        if (!MessageDigest.isEqual(rfc9106Tag(engine), RFC9106_TAG)) {
            throw new IllegalStateException(engine.name() + " does not reproduce the RFC 9106 Argon2id test vector");
        }
        return engine;
    }

    /** The tag the engine computes for RFC 9106's Argon2id inputs (password 32×0x01, salt 16×0x02, secret 8×0x03, ad 12×0x04). */
    static byte[] rfc9106Tag(Argon2idEngine engine) {
        return engine.hash(filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04), 32, 3, 4, 32);
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
