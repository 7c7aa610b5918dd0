package dev.janua.server.platform.crypto;

import dev.janua.server.platform.config.JanuaProperties;
import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Argon2id password hashing in PHC strings (OWASP parameters from SECURITY.md). Imported bcrypt
 * ({@code $2a$/$2b$/$2y$}) and PBKDF2 ({@code $pbkdf2-sha256$…}, passlib's layout) hashes verify,
 * and {@link #needsRehash} tells the caller to upgrade them after a successful sign-in.
 *
 * <p>The Argon2id computation itself is native libargon2 when installed, else BouncyCastle's Java
 * implementation, with libsodium in front when it is installed and timed cheaper on this host
 * ({@link Argon2idEngines}; all verified against known answers at start-up). Hashes of
 * other Argon2 variants (imported argon2i/argon2d) verify through Spring Security's encoder.
 *
 * <p>Every computation refuses to run inside a database transaction when assertions are on (the
 * test suite): a hash held inside a transaction keeps a pooled connection and row locks for tens
 * of milliseconds, and a burst of them stalls every other request. Hash first, then open the
 * transaction.
 */
@Component
public final class PasswordHasher {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PasswordHasher.class);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int ARGON2_VERSION = 19;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /**
     * Upper bounds on the costs of a stored Argon2 hash (an import may carry any): verifying takes the
     * hash's own costs, so {@code m=2097151,t=4294967} would hold gigabytes or a core for hours per
     * sign-in attempt. Memory is bounded at {@value #MAX_MEMORY_FACTOR} × the configured memory.
     * Above any bound the hash never matches (the account needs a password reset), nothing is computed.
     */
    static final int MAX_MEMORY_FACTOR = 4;
    static final int MAX_ITERATIONS = 10;
    static final int MAX_PARALLELISM = 8;

    /**
     * Chosen off the start-up path (loading JNA and libargon2, the RFC 9106 self-test and the dummy
     * hash below take a noticeable part of a 2-second start on a loaded machine); the first hash waits.
     */
    private final CompletableFuture<Argon2idEngine> engine;
    /** libsodium in front of {@link #engine} when timed cheaper after start-up, or the engine itself; null before. */
    private volatile Argon2idEngine timedEngine;
    private boolean libsodiumToTime;
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    /** Imported argon2i/argon2d hashes and ones of an older Argon2 version. */
    private final Argon2PasswordEncoder otherArgon2;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final SecureRandom random = new SecureRandom();
    private final CompletableFuture<String> dummyHash;
    /**
     * Where every Argon2id computation runs: one platform thread per core, in arrival order. At most one hash
     * per core: more cannot finish sooner, and each holds 19 MiB of live blocks, so unbounded parallel hashes
     * only make the collector copy more (Java) or the process hold more pooled blocks (native).
     *
     * <p>Not on the request's own (virtual) thread: a virtual thread cannot unmount inside native code, so a
     * ~30 ms native hash held one of the scheduler's carriers (one per core) for its whole length. With both
     * carriers hashing no other request ran at all, and the scheduler served waiting sign-ins out of order: at
     * c=8 on 2 cores p50 50 ms but p90 ~470 ms and p99 ~1 s against ~230 / ~300 ms in arrival order (issue 16,
     * BENCHMARKS.md). Here the caller parks, its carrier serves other requests, and the operating system
     * shares the cores between hashing and everything else. Threads end after a minute without work.
     */
    private final ThreadPoolExecutor hashing = new ThreadPoolExecutor(CORES, CORES, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), Thread.ofPlatform().daemon().name("argon2id-", 1).factory());
    private final AtomicLong hashesStarted = new AtomicLong();
    /** Hashes asked for and not yet answered (queued or running). */
    private final AtomicInteger hashesInFlight = new AtomicInteger();
    private long hashesAtLastIdleCheck = -1;
    private boolean engineFailureLogged;

    @Autowired
    public PasswordHasher(JanuaProperties properties) {
        this(properties, baseEngine(properties.passwords()));
        this.libsodiumToTime = !"java".equalsIgnoreCase(properties.passwords().argon2Implementation().trim());
    }

    /** libargon2 or BouncyCastle as configured; libsodium is timed against it once the server is ready. */
    private static CompletableFuture<Argon2idEngine> baseEngine(JanuaProperties.Passwords p) {
        if ("native".equalsIgnoreCase(p.argon2Implementation().trim())) {
            // forced native: fail the start when the library is missing, not the first sign-in
            return CompletableFuture.completedFuture(Argon2idEngines.verifiedBase("native", CORES, p.argon2MemoryKib()));
        }
        return CompletableFuture.supplyAsync(() -> Argon2idEngines.verifiedBase(p.argon2Implementation(), CORES, p.argon2MemoryKib()),
                PasswordHasher::inBackground);
    }

    /**
     * Times libsodium against the engine in use once the server serves requests, not during start-up (about six
     * hashes: ~0.2 s of one core that a 2-core start-up would otherwise share), and keeps it in front when cheaper.
     * Sign-ins meanwhile use the engine alone.
     */
    @EventListener(ApplicationReadyEvent.class)
    void timeLibsodiumOnceReady() {
        if (libsodiumToTime) chooseCheaperEngine();
    }

    /** The engine in use once the timing is done (tests wait on it). */
    CompletableFuture<Argon2idEngine> chooseCheaperEngine() {
        Argon2idEngines.Costs costs = new Argon2idEngines.Costs(memoryKib, iterations, parallelism);
        return dummyHash.thenApplyAsync(ignored -> {
            Argon2idEngine cheaper = Argon2idEngines.cheaperWithSodium(engine.join(), costs);
            timedEngine = cheaper;
            cheaper.releasePooledMemory(); // the timing's hashes need not keep a block for an idle server
            return cheaper;
        }, PasswordHasher::inBackground);
    }

    /** The timed choice once made, else the configured engine (waiting for it during start-up). */
    private Argon2idEngine engine() {
        Argon2idEngine timed = timedEngine;
        return timed != null ? timed : engine.join();
    }

    PasswordHasher(JanuaProperties properties, Argon2idEngine engine) {
        this(properties, CompletableFuture.completedFuture(engine));
    }

    PasswordHasher(JanuaProperties properties, CompletableFuture<Argon2idEngine> engine) {
        JanuaProperties.Passwords p = properties.passwords();
        this.engine = engine;
        this.memoryKib = p.argon2MemoryKib();
        this.iterations = p.argon2Iterations();
        this.parallelism = p.argon2Parallelism();
        hashing.allowCoreThreadTimeOut(true);
        this.otherArgon2 = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, parallelism, memoryKib, iterations);
        this.dummyHash = engine.thenApplyAsync(ready -> {
            String hash = argon2id("janua-dummy-password-for-constant-time-checks");
            // the start-up hashes (self-test, this one) need not keep a 19 MiB block for an idle server
            ready.releasePooledMemory();
            return hash;
        }, PasswordHasher::inBackground);
    }

    /**
     * Frees the native engine's pooled blocks (19 MiB each, one per core) once no hash has started for a
     * whole interval: they make back-to-back sign-ins cheaper, and are worth nothing to an idle server.
     */
    @Scheduled(fixedDelayString = "${janua.passwords.argon2-idle-release:PT30S}",
            initialDelayString = "${janua.passwords.argon2-idle-release:PT30S}")
    void releaseArgon2MemoryWhenIdle() {
        if (engine.isCompletedExceptionally()) {
            // every hash fails and says why; this check would otherwise repeat it every interval
            if (!engineFailureLogged) {
                engineFailureLogged = true;
                log.error("Argon2id engine is unavailable; password hashing fails until a restart", engine.exceptionNow());
            }
            return;
        }
        long started = hashesStarted.get();
        if (started == hashesAtLastIdleCheck && hashesInFlight.get() == 0 && engine.isDone()) {
            engine().releasePooledMemory();
        }
        hashesAtLastIdleCheck = started;
    }

    /** Which Argon2id implementation this process uses ({@code native-libargon2} or {@code java-bouncycastle}); for the tests. */
    String argon2Implementation() {
        return engine().name();
    }

    public String hash(CharSequence password) {
        requireEncodable(password, "password");
        return bounded(() -> argon2id(password));
    }

    private String argon2id(CharSequence password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] tag = engine().hash(utf8(password), salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return new Argon2Phc("argon2id", ARGON2_VERSION, memoryKib, iterations, parallelism, salt, tag).format();
    }

    private boolean argon2Matches(CharSequence password, String storedHash) {
        if (!affordable(storedHash)) return false;
        Argon2Phc stored = Argon2Phc.parse(storedHash);
        // no version part (pre-1.3 hashes), argon2i/argon2d, an older version: Spring's encoder reads them all
        if (stored == null || !stored.type().equals("argon2id") || stored.version() != ARGON2_VERSION) {
            return otherArgon2.matches(password, storedHash);
        }
        try {
            byte[] tag = engine().hash(utf8(password), stored.salt(), stored.memoryKib(), stored.iterations(),
                    stored.parallelism(), stored.hash().length);
            return MessageDigest.isEqual(tag, stored.hash());
        } catch (IllegalArgumentException | IllegalStateException unusable) {
            // a stored hash with costs or lengths the engine refuses (an odd import): a failed match, not a 500
            return false;
        }
    }

    /** The costs ({@code m=…,t=…,p=…}, with or without a version part) are whole numbers within the bounds above. */
    private boolean affordable(String storedHash) {
        for (String part : storedHash.split("\\$")) {
            if (!part.startsWith("m=")) continue;
            Map<String, Long> costs = Argon2Phc.costs(part);
            if (costs == null) return false;
            if (costs.getOrDefault("m", 0L) > (long) MAX_MEMORY_FACTOR * memoryKib
                    || costs.getOrDefault("t", 0L) > MAX_ITERATIONS || costs.getOrDefault("p", 0L) > MAX_PARALLELISM) return false;
        }
        return true;
    }

    private static byte[] utf8(CharSequence password) {
        return password.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * True when the text can be encoded as UTF-8, i.e. has no lone UTF-16 surrogate: a JSON
     * string may carry an escaped lone surrogate (U+D800 alone), which no password hash can take (the encoder throws).
     */
    public static boolean encodable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) i++;
                else return false;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * 422 {@code VALIDATION_ERROR} for a password that cannot be hashed. Credential paths call this
     * at the edge, before looking the account up or counting the attempt, so the answer is the same
     * for every account and every email; the hasher calls it again as the last line.
     */
    public static void requireEncodable(CharSequence password, String field) {
        if (password != null && !encodable(password)) {
            throw new JanuaException(ErrorCode.VALIDATION_ERROR, Map.of("field", field, "reason", "invalid_characters"));
        }
    }

    public boolean verify(CharSequence password, String storedHash) {
        requireEncodable(password, "password");
        if (storedHash == null || storedHash.isEmpty()) {
            burnEquivalentTime(password);
            return false;
        }
        if (storedHash.startsWith("$argon2")) return bounded(() -> argon2Matches(password, storedHash));
        if (storedHash.startsWith("$2a$") || storedHash.startsWith("$2b$") || storedHash.startsWith("$2y$")) {
            return bcrypt.matches(password, storedHash.replaceFirst("^\\$2[by]\\$", "\\$2a\\$"));
        }
        if (storedHash.startsWith("$pbkdf2-sha256$")) return verifyPbkdf2(password, storedHash);
        return false;
    }

    /**
     * Spends the time of one real verification, so a sign-in for an unknown email or a locked
     * account costs what a wrong password does.
     */
    public void burnEquivalentTime(CharSequence password) {
        requireEncodable(password, "password");
        bounded(() -> argon2Matches(password, dummyHash.join()));
    }

    private static void inBackground(Runnable task) {
        Thread.ofPlatform().daemon().name("argon2id-init").start(task);
    }

    /** Runs {@code work} on {@link #hashing} and waits for it, uninterruptibly (a started sign-in finishes). */
    private <T> T bounded(Supplier<T> work) {
        assert !TransactionSynchronizationManager.isActualTransactionActive()
                : "password hash computed inside a transaction: hash before opening it";
        hashesInFlight.incrementAndGet();
        try {
            return CompletableFuture.supplyAsync(() -> {
                hashesStarted.incrementAndGet();
                return work.get();
            }, hashing).join(); // join() waits through interrupts and keeps the flag set
        } catch (CompletionException e) {
            // the engine's own exception, as if the caller had hashed itself
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        } finally {
            hashesInFlight.decrementAndGet();
        }
    }

    public boolean needsRehash(String storedHash) {
        return storedHash == null || !storedHash.startsWith("$argon2id$") || weakerThanConfigured(storedHash);
    }

    private boolean weakerThanConfigured(String storedHash) {
        Argon2Phc stored = Argon2Phc.parse(storedHash);
        return stored == null || stored.version() < ARGON2_VERSION || stored.memoryKib() < memoryKib
                || stored.iterations() < iterations || stored.parallelism() < parallelism;
    }

    private static boolean verifyPbkdf2(CharSequence password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 5) return false;
        try {
            int iterations = Integer.parseInt(parts[2]);
            byte[] salt = ab64(parts[3]);
            byte[] expected = ab64(parts[4]);
            KeySpec spec = new PBEKeySpec(password.toString().toCharArray(), salt, iterations, expected.length * 8);
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(expected, actual);
        } catch (Exception e) {
            return false;
        }
    }

    /** passlib's "adapted base64": '.' instead of '+', no padding. */
    private static byte[] ab64(String s) {
        return Base64.getDecoder().decode(s.replace('.', '+').getBytes(StandardCharsets.US_ASCII));
    }
}
