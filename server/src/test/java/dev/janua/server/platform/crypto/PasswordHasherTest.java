package dev.janua.server.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.platform.errors.ErrorCode;
import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.support.TestProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(TestProperties.defaults(Path.of("/tmp")));

    @Test
    void hashesWithArgon2idAtTheOwaspParametersInAPhcString() {
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void libsodiumIsTimedOnlyOnceTheServerIsReadyAndHashesStayInterchangeable() throws Exception {
        PasswordHasher started = new PasswordHasher(TestProperties.defaults(Path.of("/tmp")));
        // until the ready event, the configured engine alone (libargon2: installed by scripts/test.sh)
        assertThat(started.argon2Implementation()).isEqualTo("native-libargon2");
        String before = started.hash("pässwörd");
        Argon2idEngine chosen = started.chooseCheaperEngine().get(60, java.util.concurrent.TimeUnit.SECONDS);
        // which one wins depends on the host; the process then uses it, and hashes from before still verify
        assertThat(chosen.name()).isIn("native-libargon2", "native-libsodium (native-libargon2 for other parameters)");
        assertThat(started.argon2Implementation()).isEqualTo(chosen.name());
        assertThat(started.verify("pässwörd", before)).isTrue();
        assertThat(started.verify("passwörd", before)).isFalse();
        assertThat(hasher.verify("pässwörd", started.hash("pässwörd"))).isTrue();
    }

    @Test
    void hashesOfTheJavaAndNativeEnginesVerifyWithEitherAndWithSpringSecurity() {
        PasswordHasher java = new PasswordHasher(TestProperties.defaults(Path.of("/tmp")), new JavaArgon2id());
        PasswordHasher nat = new PasswordHasher(TestProperties.defaults(Path.of("/tmp")), NativeArgon2id.load(2, 19456));
        assertThat(java.argon2Implementation()).isEqualTo("java-bouncycastle");
        assertThat(nat.argon2Implementation()).isEqualTo("native-libargon2");
        String fromJava = java.hash("pässwörd \uD83D\uDD11");
        String fromNative = nat.hash("pässwörd \uD83D\uDD11");
        assertThat(nat.verify("pässwörd \uD83D\uDD11", fromJava)).isTrue();
        assertThat(java.verify("pässwörd \uD83D\uDD11", fromNative)).isTrue();
        assertThat(nat.verify("passwörd \uD83D\uDD11", fromJava)).isFalse();
        var spring = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 19456, 2);
        assertThat(spring.matches("pässwörd \uD83D\uDD11", fromNative)).isTrue();
        assertThat(nat.verify("spring", spring.encode("spring"))).isTrue();
    }

    @Test
    void theNativeEnginesPooledBlocksAreFreedOnlyAfterAnIntervalWithoutHashes() {
        NativeArgon2id engine = NativeArgon2id.load(2, 19456);
        PasswordHasher nat = new PasswordHasher(TestProperties.defaults(Path.of("/tmp")), engine);
        nat.burnEquivalentTime("unknown account"); // waits for the start-up dummy hash, then verifies against it
        assertThat(engine.pooledBlocks()).isEqualTo(1);
        nat.releaseArgon2MemoryWhenIdle(); // hashes ran since the last check: kept
        assertThat(engine.pooledBlocks()).isEqualTo(1);
        nat.releaseArgon2MemoryWhenIdle(); // none since: freed
        assertThat(engine.pooledBlocks()).isZero();
        String hash = nat.hash("after idle");
        assertThat(engine.pooledBlocks()).isEqualTo(1);
        nat.releaseArgon2MemoryWhenIdle();
        assertThat(engine.pooledBlocks()).isEqualTo(1);
        assertThat(nat.verify("after idle", hash)).isTrue();
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void anEngineThatFailedToLoadIsReportedOnceByTheIdleRelease(org.springframework.boot.test.system.CapturedOutput output) {
        var failed = java.util.concurrent.CompletableFuture.<Argon2idEngine>failedFuture(new IllegalStateException("libargon2 missing"));
        PasswordHasher broken = new PasswordHasher(TestProperties.defaults(Path.of("/tmp")), failed);
        for (int i = 0; i < 3; i++) broken.releaseArgon2MemoryWhenIdle(); // every 30 s in production
        assertThat(output.getOut().split("Argon2id engine is unavailable", -1)).hasSize(2);
    }

    @Test
    void importedArgon2iAndMalformedArgon2HashesAreHandled() {
        byte[] salt = "imported-salt-16".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var generator = new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_i)
                .withVersion(0x13).withSalt(salt).withMemoryAsKB(4096).withIterations(3).withParallelism(1).build());
        byte[] tag = new byte[32];
        generator.generateBytes("imported".getBytes(java.nio.charset.StandardCharsets.UTF_8), tag);
        String argon2i = new Argon2Phc("argon2i", 19, 4096, 3, 1, salt, tag).format();
        assertThat(hasher.verify("imported", argon2i)).isTrue();
        assertThat(hasher.verify("imported", argon2i.replace("$argon2i$", "$argon2id$"))).isFalse(); // the type is part of the hash
        assertThat(hasher.verify("Imported", argon2i)).isFalse();
        assertThat(hasher.needsRehash(argon2i)).isTrue();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=19456,t=2,p=1$not*base64$x")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$garbage")).isFalse();
        assertThat(hasher.needsRehash("$argon2id$garbage")).isTrue();
    }

    /** A correct Argon2 PHC hash of {@code password} with these costs (BouncyCastle). */
    static String argon2(int type, String name, String password, int m, int t, int p) {
        byte[] salt = "costly-salt-0016".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var generator = new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(type).withVersion(0x13).withSalt(salt)
                .withMemoryAsKB(m).withIterations(t).withParallelism(p).build());
        byte[] tag = new byte[32];
        generator.generateBytes(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), tag);
        return new Argon2Phc(name, 19, m, t, p, salt, tag).format();
    }

    @Test
    void storedArgon2CostsAboveTheLimitsAreAFailedMatchNotAComputation() {
        int id = org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id;
        // within the limits (m <= 4 x 19456 KiB, t <= 10, p <= 8): verifies
        assertThat(hasher.verify("pw", argon2(id, "argon2id", "pw", 8192, 3, 8))).isTrue();
        // each cost one above its limit, in otherwise correct hashes: refused before any computation
        for (String costly : List.of(argon2(id, "argon2id", "pw", 4 * 19456 + 8, 1, 1), argon2(id, "argon2id", "pw", 1024, 11, 1),
                argon2(id, "argon2id", "pw", 1024, 1, 9),
                argon2(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_i, "argon2i", "pw", 1024, 11, 1))) {
            assertThat(hasher.verify("pw", costly)).as(costly).isFalse();
        }
        // absurd costs: no out-of-memory, no 500, an immediate failed match
        long start = System.nanoTime();
        assertThat(hasher.verify("pw", "$argon2id$v=19$m=2097151,t=4294967,p=255$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"))
                .isFalse();
        assertThat(hasher.verify("pw", "$argon2i$m=2097151,t=100000,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"))
                .isFalse();
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(1));
    }

    @Test
    void weakerArgon2ParametersAskForARehash() {
        String old = new org.springframework.security.crypto.argon2.Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode("pw");
        assertThat(hasher.verify("pw", old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
    }

    @Test
    void importedBcryptHashesOfEveryVariantVerifyAndAskForUpgrade() {
        String a = new BCryptPasswordEncoder(4).encode("imported secret");
        assertThat(hasher.verify("imported secret", a)).isTrue();
        assertThat(hasher.verify("imported secret", a.replaceFirst("^\\$2a\\$", "\\$2b\\$"))).isTrue();
        assertThat(hasher.verify("imported secret", a.replaceFirst("^\\$2a\\$", "\\$2y\\$"))).isTrue();
        assertThat(hasher.verify("wrong", a)).isFalse();
        assertThat(hasher.needsRehash(a)).isTrue();
    }

    @Test
    void importedPasslibPbkdf2Sha256HashesVerify() {
        // passlib's layout of PBKDF2-HMAC-SHA256("password", salt "salt", 1000 rounds, 32 bytes),
        // computed independently with Python's hashlib.pbkdf2_hmac
        String passlib = "$pbkdf2-sha256$1000$c2FsdA$YywoEuRtRgQQK6dhjp1tfS.BKPYma0oDJk0qBGC33LM";
        assertThat(hasher.verify("password", passlib)).isTrue();
        assertThat(hasher.verify("Password", passlib)).isFalse();
        assertThat(hasher.needsRehash(passlib)).isTrue();
    }

    @Test
    void unknownFormatsAndMissingHashesNeverVerify() {
        assertThat(hasher.verify("x", "md5$abc")).isFalse();
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "")).isFalse();
    }

    private static final String LONE_SURROGATE = "pass" + (char) 0xD800 + "word-long-enough";

    @Test
    void aPasswordWithALoneSurrogateIsAValidationErrorNotAnEncoderCrash() {
        for (Runnable call : List.<Runnable>of(() -> hasher.hash(LONE_SURROGATE),
                () -> hasher.verify(LONE_SURROGATE, hasher.hash("x")), () -> hasher.burnEquivalentTime(LONE_SURROGATE))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(JanuaException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                assertThat(e.details()).containsEntry("reason", "invalid_characters");
            });
        }
        assertThat(PasswordHasher.encodable(LONE_SURROGATE)).isFalse();
        assertThat(PasswordHasher.encodable("low first " + (char) 0xDC00 + (char) 0xD800)).isFalse();
        assertThat(PasswordHasher.encodable("ends high " + (char) 0xD83D)).isFalse();
        String emoji = "pass \uD83D\uDD11 word";
        assertThat(PasswordHasher.encodable(emoji)).isTrue();
        assertThat(hasher.verify(emoji, hasher.hash(emoji))).isTrue();
    }

    /**
     * Eight sign-ins at once on two cores must not run eight 19 MiB hashes at once: they finish no sooner, and
     * each holds its blocks. The unknown-email hash queues for the same slots as a real one, so its timing
     * (and memory) is that of a wrong password.
     */
    @Test
    void atMostOneHashPerCoreRunsAtOnceTheUnknownEmailHashIncluded() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Argon2idEngine slow = new Argon2idEngine() {
            public String name() { return "counting"; }
            public byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] ad, int m, int t, int p, int tagLength) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                byte[] tag = new byte[tagLength];
                for (int i = 0; i < tagLength; i++) tag[i] = (byte) (password.length + salt[i % salt.length]);
                return tag;
            }
        };
        PasswordHasher limited = new PasswordHasher(TestProperties.defaults(Path.of("/tmp")), slow);
        String stored = limited.hash("stored");
        limited.burnEquivalentTime("warm"); // waits for the start-up dummy hash, which is not a sign-in's
        most.set(0);
        int callers = 4 * cores + 2;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int kind = i % 3;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                switch (kind) {
                    case 0 -> limited.verify("wrong", stored);
                    case 1 -> limited.burnEquivalentTime("unknown email"); // the dummy hash of a sign-in for no account
                    default -> limited.hash("new password");
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) t.join();
        assertThat(most.get()).isLessThanOrEqualTo(cores).isGreaterThanOrEqualTo(Math.min(2, cores));
    }

    /**
     * A native hash cannot unmount a virtual thread: run on the request's own thread it would hold one of the
     * scheduler's carriers (one per core) for its whole length. Every hash runs on a platform thread while
     * the virtual caller waits; an engine's failure still reaches the caller as itself.
     */
    @Test
    void hashesRunOnPlatformThreadsNotOnTheVirtualCallersCarrier() throws Exception {
        List<Boolean> onVirtual = Collections.synchronizedList(new ArrayList<>());
        Argon2idEngine recording = new Argon2idEngine() {
            public String name() { return "recording"; }
            public byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] ad, int m, int t, int p, int tagLength) {
                if (new String(password, StandardCharsets.UTF_8).equals("refuse me")) throw new IllegalArgumentException("engine refused");
                onVirtual.add(Thread.currentThread().isVirtual());
                return new byte[tagLength];
            }
        };
        PasswordHasher hasher = new PasswordHasher(TestProperties.defaults(Path.of("/tmp")), recording);
        hasher.burnEquivalentTime("warm"); // the start-up dummy hash runs on its own thread
        onVirtual.clear();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        Thread caller = Thread.ofVirtual().start(() -> {
            String stored = hasher.hash("a password");
            hasher.verify("a password", stored);
            hasher.burnEquivalentTime("unknown email");
            try {
                hasher.hash("refuse me");
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        caller.join();
        assertThat(onVirtual).hasSize(3).containsOnly(false);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engine refused");
    }

    @Test
    void noHashRunsInsideATransactionWhileAssertionsAreOn() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> hasher.hash("inside a transaction")).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> hasher.verify("inside", "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaA")).isInstanceOf(AssertionError.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
    }
}
