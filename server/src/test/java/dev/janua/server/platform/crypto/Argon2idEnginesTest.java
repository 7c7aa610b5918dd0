package dev.janua.server.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Argon2_context;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class Argon2idEnginesTest {
    private static final int ARGON2_THREAD_FAIL = -33;
    private static final byte[] PASSWORD = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SALT = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    private static final Argon2idEngines.Costs ONE_LANE = new Argon2idEngines.Costs(19456, 2, 1);

    @Test
    void bothEnginesReproduceTheRfc9106Argon2idTestVector() {
        assertThat(Argon2idEngines.rfc9106Tag(new JavaArgon2id())).isEqualTo(Argon2idEngines.RFC9106_TAG);
        assertThat(Argon2idEngines.rfc9106Tag(NativeArgon2id.load(2, 19456))).isEqualTo(Argon2idEngines.RFC9106_TAG);
        assertThat(HexFormat.of().formatHex(Argon2idEngines.RFC9106_TAG))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void anEngineWithAWrongAnswerIsRefused() {
        Argon2idEngine wrong = new Argon2idEngine() {
            @Override public String name() { return "wrong"; }
            @Override public byte[] hash(byte[] p, byte[] s, byte[] k, byte[] x, int m, int t, int l, int len) { return new byte[len]; }
        };
        assertThatThrownBy(() -> Argon2idEngines.verified(wrong)).hasMessageContaining("RFC 9106");
    }

    @Test
    void nativeAndJavaAgreeAtJanuasParametersAndWithSpringSecurity() {
        byte[] java = new JavaArgon2id().hash(PASSWORD, SALT, 19456, 2, 1, 32);
        byte[] nativeTag = NativeArgon2id.load(2, 19456).hash(PASSWORD, SALT, 19456, 2, 1, 32);
        assertThat(nativeTag).isEqualTo(java);
        String phc = new Argon2Phc("argon2id", 19, 19456, 2, 1, SALT, java).format();
        assertThat(new Argon2PasswordEncoder(16, 32, 1, 19456, 2).matches("correct horse battery staple", phc)).isTrue();
        assertThat(new Argon2PasswordEncoder(16, 32, 1, 19456, 2).matches("correct horse battery stapl", phc)).isFalse();
    }

    @Test
    void libsodiumGivesTheTagOfTheRfcVerifiedEnginesAndLeavesOtherParametersToThem() {
        // the pinned tag libsodium must reproduce is the one the RFC 9106-verified engines compute
        byte[] known = new JavaArgon2id().hash(Argon2idEngines.filled(32, 0x01), Argon2idEngines.filled(16, 0x02),
                SodiumArgon2id.KNOWN_MEMORY_KIB, 2, 1, 32);
        assertThat(known).isEqualTo(SodiumArgon2id.KNOWN_TAG);

        Argon2idEngine sodium = SodiumArgon2id.over(NativeArgon2id.load(2, 19456));
        assertThat(sodium.hash(PASSWORD, SALT, 19456, 2, 1, 32)).isEqualTo(new JavaArgon2id().hash(PASSWORD, SALT, 19456, 2, 1, 32));
        assertThat(sodium.hash(PASSWORD, SALT, 19456, 2, 1, 32)).isNotEqualTo(sodium.hash(PASSWORD, SALT, 19456, 3, 1, 32));
        // four lanes, a secret and associated data: libsodium has none of them, the engine behind it answers
        assertThat(Argon2idEngines.verified(sodium)).isSameAs(sodium);
        byte[] shortSalt = HexFormat.of().parseHex("0011223344556677");
        assertThat(sodium.hash(PASSWORD, shortSalt, 1024, 2, 1, 32)).isEqualTo(new JavaArgon2id().hash(PASSWORD, shortSalt, 1024, 2, 1, 32));
    }

    @Test
    void whatLibsodiumRefusesTheEngineBehindItAnswers() {
        SodiumArgon2id.Sodium refusing = new SodiumArgon2id.Sodium() {
            @Override public int sodium_init() { return 0; }
            @Override public int crypto_pwhash_argon2id(byte[] o, long ol, byte[] p, long pl, byte[] s, long ops, long mem, int alg) { return -1; }
        };
        Argon2idEngine java = new JavaArgon2id();
        assertThat(new SodiumArgon2id(refusing, java).hash(PASSWORD, SALT, 1024, 2, 1, 32)).isEqualTo(java.hash(PASSWORD, SALT, 1024, 2, 1, 32));
    }

    @Test
    void withoutLibsodiumTheChosenEngineStaysAloneAndNothingIsTimed() {
        Argon2idEngine java = new JavaArgon2id();
        Function<List<Argon2idEngine>, List<CheapestArgon2id.Timed>> mustNotTime = engines -> { throw new AssertionError("timed"); };
        assertThat(Argon2idEngines.cheaperWithSodium(java, e -> { throw new UnsatisfiedLinkError("Unable to load library 'sodium'"); },
                ONE_LANE, mustNotTime)).isSameAs(java);
        assertThat(Argon2idEngines.cheaperWithSodium(java, e -> { throw new IllegalStateException("wrong tag"); }, ONE_LANE, mustNotTime))
                .isSameAs(java);
        // four lanes: libsodium would never answer for Janua's own hashes, so it is neither loaded nor timed
        assertThat(Argon2idEngines.cheaperWithSodium(java, e -> { throw new AssertionError("loaded"); },
                new Argon2idEngines.Costs(19456, 2, 4), mustNotTime)).isSameAs(java);
    }

    @Test
    void libsodiumIsKeptInFrontOnlyWhenItIsTimedCheaper() {
        Argon2idEngine libargon2 = costing("libargon2", 0, new AtomicLong());
        Argon2idEngine sodium = costing("libsodium", 0, new AtomicLong());
        UnaryOperator<Argon2idEngine> loadSodium = behind -> sodium;
        Function<List<Argon2idEngine>, List<CheapestArgon2id.Timed>> sodiumCheaper = engines -> List.of(
                new CheapestArgon2id.Timed(engines.get(1), 18_000_000), new CheapestArgon2id.Timed(engines.get(0), 22_000_000));
        Function<List<Argon2idEngine>, List<CheapestArgon2id.Timed>> libargon2Cheaper = engines -> List.of(
                new CheapestArgon2id.Timed(engines.get(0), 22_000_000), new CheapestArgon2id.Timed(engines.get(1), 40_000_000));
        assertThat(Argon2idEngines.cheaperWithSodium(libargon2, loadSodium, ONE_LANE, sodiumCheaper)).isSameAs(sodium);
        assertThat(Argon2idEngines.cheaperWithSodium(libargon2, loadSodium, ONE_LANE, libargon2Cheaper)).isSameAs(libargon2);
    }

    @Test
    void eachEngineIsJudgedByItsCheapestRoundAtTheGivenCosts() {
        AtomicLong clock = new AtomicLong();
        List<int[]> costsSeen = new ArrayList<>();
        // a pooling engine: its first hash touches a new block (30), later ones reuse it (10); the other costs 20 every time
        Argon2idEngine pooling = new Argon2idEngine() {
            private int calls;
            @Override public String name() { return "pooling"; }
            @Override public byte[] hash(byte[] p, byte[] s, byte[] k, byte[] x, int m, int t, int l, int len) {
                costsSeen.add(new int[] {m, t, l, len});
                clock.addAndGet(calls++ == 0 ? 30 : 10);
                return new byte[len];
            }
        };
        Argon2idEngine steady = costing("steady", 20, clock);
        List<CheapestArgon2id.Timed> timed = CheapestArgon2id.timed(List.of(steady, pooling), ONE_LANE, clock::get);
        assertThat(timed).extracting(CheapestArgon2id.Timed::engine).containsExactly(pooling, steady);
        assertThat(timed).extracting(CheapestArgon2id.Timed::nanos).containsExactly(10L, 20L);
        assertThat(costsSeen).hasSize(CheapestArgon2id.ROUNDS).allSatisfy(c -> assertThat(c).containsExactly(19456, 2, 1, 32));
        // reversed costs, reversed answer; on a tie the first engine stays first
        assertThat(CheapestArgon2id.timed(List.of(costing("a", 5, clock), costing("b", 50, clock)), ONE_LANE, clock::get).get(0).engine().name())
                .isEqualTo("a");
        assertThat(CheapestArgon2id.timed(List.of(costing("a", 7, clock), costing("b", 7, clock)), ONE_LANE, clock::get).get(0).engine().name())
                .isEqualTo("a");
    }

    @Test
    void selectionHonoursTheConfiguredImplementation() {
        Argon2idEngines.Costs small = new Argon2idEngines.Costs(1024, 2, 1);
        assertThat(Argon2idEngines.select("java", 2, small).name()).isEqualTo("java-bouncycastle");
        // libargon2-1 and libsodium23 are installed by scripts/test.sh: libsodium in front of libargon2 when timed
        // cheaper on this host, libargon2 alone otherwise; either way the tag is libargon2's and BouncyCastle's
        for (String implementation : new String[] {"native", "auto", null}) {
            Argon2idEngine chosen = Argon2idEngines.select(implementation, 2, small);
            assertThat(chosen.name()).isIn("native-libsodium (native-libargon2 for other parameters)", "native-libargon2");
            assertThat(chosen.hash(PASSWORD, SALT, 1024, 2, 1, 32)).isEqualTo(new JavaArgon2id().hash(PASSWORD, SALT, 1024, 2, 1, 32));
        }
        assertThat(Argon2idEngines.select("auto", 2, new Argon2idEngines.Costs(1024, 2, 4)).name()).isEqualTo("native-libargon2");
        assertThatThrownBy(() -> Argon2idEngines.select("fastest", 2, small)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRealNativeEnginesAreTimedWithThisThreadsCpuClock() {
        Argon2idEngines.Costs small = new Argon2idEngines.Costs(1024, 2, 1);
        Argon2idEngine libargon2 = NativeArgon2id.load(2, 1024);
        List<CheapestArgon2id.Timed> timed = CheapestArgon2id.timed(List.of(libargon2, SodiumArgon2id.over(libargon2)), small);
        assertThat(timed).hasSize(2).allSatisfy(t -> assertThat(t.nanos()).isPositive());
        assertThat(timed.get(0).nanos()).isLessThanOrEqualTo(timed.get(1).nanos());
    }

    /** An engine whose every hash advances {@code clock} by {@code cost}. */
    private static Argon2idEngine costing(String name, long cost, AtomicLong clock) {
        return new Argon2idEngine() {
            @Override public String name() { return name; }
            @Override public byte[] hash(byte[] p, byte[] s, byte[] k, byte[] x, int m, int t, int l, int len) {
                clock.addAndGet(cost);
                return new byte[len];
            }
        };
    }

    @Test
    void withoutTheNativeLibraryAutoFallsBackToJavaAndForcedNativeRefusesToStart() {
        Supplier<Argon2idEngine> missing = () -> { throw new UnsatisfiedLinkError("Unable to load library 'argon2'"); };
        assertThat(Argon2idEngines.select("auto", missing, 2).name()).isEqualTo("java-bouncycastle");
        assertThat(Argon2idEngines.select("java", missing, 2).name()).isEqualTo("java-bouncycastle");
        assertThatThrownBy(() -> Argon2idEngines.select("native", missing, 2)).isInstanceOf(UnsatisfiedLinkError.class);
        Argon2idEngine wrongAnswers = new Argon2idEngine() {
            @Override public String name() { return "native-but-wrong"; }
            @Override public byte[] hash(byte[] p, byte[] s, byte[] k, byte[] x, int m, int t, int l, int len) { return new byte[len]; }
        };
        assertThat(Argon2idEngines.select("auto", () -> wrongAnswers, 2).name()).isEqualTo("java-bouncycastle");
        assertThatThrownBy(() -> Argon2idEngines.select("native", () -> wrongAnswers, 2)).hasMessageContaining("RFC 9106");
    }

    @Test
    void theNativeBlockPoolReusesBlocksAndNeverHoldsMoreThanItsBound() throws Exception {
        NativeArgon2id engine = NativeArgon2id.load(2, 1024);
        byte[] first = engine.hash(PASSWORD, SALT, 1024, 1, 1, 32);
        assertThat(engine.pooledBlocks()).isEqualTo(1);
        assertThat(engine.hash(PASSWORD, SALT, 1024, 1, 1, 32)).isEqualTo(first); // a reused (wiped) block gives the same tag
        assertThat(engine.pooledBlocks()).isEqualTo(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) results.add(pool.submit(() -> engine.hash(PASSWORD, SALT, 1024, 1, 1, 32)));
            for (Future<byte[]> result : results) assertThat(result.get()).isEqualTo(first);
        } finally {
            pool.shutdown();
        }
        assertThat(engine.pooledBlocks()).isBetween(1, 2);
    }

    @Test
    void aBlockForAStoredHashWithALargerMemoryCostIsFreedNotPooled() {
        NativeArgon2id engine = NativeArgon2id.load(2, 1024); // configured m = 1024 KiB
        byte[] atConfigured = engine.hash(PASSWORD, SALT, 1024, 1, 1, 32);
        assertThat(engine.pooledBlocks()).isEqualTo(1);
        Memory configuredBlock = engine.peekPooled();
        assertThat(configuredBlock.size()).isEqualTo(1024 * 1024L);
        // verifying an imported hash with m = 4096 KiB: its 4 MiB block must not stay in the pool
        byte[] larger = engine.hash(PASSWORD, SALT, 4096, 1, 1, 32);
        assertThat(larger).isEqualTo(new JavaArgon2id().hash(PASSWORD, SALT, 4096, 1, 1, 32));
        assertThat(engine.pooledBlocks()).isEqualTo(1);
        assertThat(engine.peekPooled()).isSameAs(configuredBlock);
        // a smaller cost (the RFC 9106 self-test's 32 KiB) reuses the configured block and leaves it pooled
        assertThat(Argon2idEngines.rfc9106Tag(engine)).isEqualTo(Argon2idEngines.RFC9106_TAG);
        assertThat(engine.peekPooled()).isSameAs(configuredBlock);
        assertThat(engine.hash(PASSWORD, SALT, 1024, 1, 1, 32)).isEqualTo(atConfigured);
        assertThat(engine.pooledBlocks()).isEqualTo(1);
    }

    @Test
    void aBlockLentToALibraryThatFailsIsWipedAndReturnedToThePool() {
        // libargon2 only fails after taking its block when it cannot start its threads (or calloc their
        // handles), which a test cannot provoke; this stand-in takes the block through the engine's own
        // callback, writes into it as the real fill would, and reports the library's thread failure.
        // Every other call goes to the real libargon2.
        boolean[] failNext = {true};
        Argon2Library failing = (Argon2Library) Proxy.newProxyInstance(Argon2Library.class.getClassLoader(),
                new Class<?>[] {Argon2Library.class}, (proxy, method, args) -> {
                    if (method.getName().equals("argon2id_ctx") && failNext[0]) {
                        failNext[0] = false;
                        Argon2_context context = (Argon2_context) args[0];
                        var allocate = (NativeArgon2id.Allocate) CallbackReference.getCallback(
                                NativeArgon2id.Allocate.class, context.allocate_cbk);
                        long bytes = context.m_cost.longValue() * 1024;
                        Memory slot = new Memory(Native.POINTER_SIZE);
                        assertThat(allocate.invoke(slot, bytes)).isZero();
                        slot.getPointer(0).setMemory(0, bytes, (byte) 0x5a);
                        return ARGON2_THREAD_FAIL;
                    }
                    return method.invoke(Argon2Library.INSTANCE, args);
                });
        NativeArgon2id engine = new NativeArgon2id(failing, 2, 1024);
        assertThatThrownBy(() -> engine.hash(PASSWORD, SALT, 1024, 1, 1, 32))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("libargon2");
        assertThat(engine.pooledBlocks()).isEqualTo(1);
        Memory block = engine.peekPooled();
        assertThat(block.getByteArray(0, (int) block.size())).containsOnly((byte) 0);
        // the next (real) hash takes that block and answers correctly
        assertThat(engine.hash(PASSWORD, SALT, 1024, 1, 1, 32)).isEqualTo(new JavaArgon2id().hash(PASSWORD, SALT, 1024, 1, 1, 32));
        assertThat(engine.peekPooled()).isSameAs(block);
    }

    @Test
    void phcStringsParseAndRejectMalformedOnes() {
        Argon2Phc phc = Argon2Phc.parse("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g");
        assertThat(phc).isNotNull();
        assertThat(phc.memoryKib()).isEqualTo(19456);
        assertThat(phc.iterations()).isEqualTo(2);
        assertThat(phc.parallelism()).isEqualTo(1);
        assertThat(new String(phc.salt(), StandardCharsets.US_ASCII)).isEqualTo("saltsaltsaltsalt");
        assertThat(Argon2Phc.parse(phc.format())).usingRecursiveComparison().isEqualTo(phc);
        for (String bad : List.of("$argon2id$v=19$m=19456,t=2$c2FsdA$aGFzaA", "$argon2id$m=1,t=1,p=1$c2FsdA$aGFzaA",
                "$argon2id$v=19$m=x,t=2,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=0,t=2,p=1$c2FsdA$aGFzaA",
                "$argon2id$v=19$m=1,t=2,p=1$c2F!sdA$aGFzaA", "argon2id$v=19$m=1,t=2,p=1$c2FsdA$aGFzaA")) {
            assertThat(Argon2Phc.parse(bad)).as(bad).isNull();
        }
    }
}
