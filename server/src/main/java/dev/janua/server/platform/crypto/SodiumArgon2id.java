package dev.janua.server.platform.crypto;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Argon2id by libsodium ({@code crypto_pwhash_argon2id}, Debian's {@code libsodium23}) through JNA, for the
 * parameters Janua's own password hashes use: one lane, a 16-byte salt, no secret, no associated data.
 * libsodium picks an AVX2/AVX-512 block function at run time where Debian's libargon2 is the portable
 * scalar build, but maps fresh memory for every hash where libargon2 reuses a pooled block: which costs
 * less CPU differs by host (a fifth less one day, twice as much another, BENCHMARKS.md), so
 * the server times both once it is ready ({@link PasswordHasher}) and keeps this one only when it is cheaper. Anything else — an
 * imported hash with other lanes or salt length, RFC 9106's test vector with its secret and associated
 * data — goes to {@code other}, the engine this one accelerates.
 *
 * <p>libsodium cannot compute RFC 9106's test vector (it has no secret or associated data and one lane
 * only), so it must first reproduce {@link #KNOWN_TAG}: the tag both RFC-verified engines (libargon2,
 * BouncyCastle) give. It maps fresh memory for each hash and unmaps it after, so
 * nothing stays allocated between sign-ins.
 */
final class SodiumArgon2id implements Argon2idEngine {
    private static final int ALG_ARGON2ID13 = 2;
    private static final int SALT_BYTES = 16;
    private static final int MIN_TAG_BYTES = 16;

    /**
     * Password 32 × 0x01, salt 16 × 0x02, m = {@value #KNOWN_MEMORY_KIB} KiB, t = 2, p = 1, 32 bytes (libargon2 and
     * BouncyCastle agree). A small memory cost: the same block function as at SECURITY.md's 19 MiB, without a full
     * hash's CPU during start-up.
     */
    static final int KNOWN_MEMORY_KIB = 64;
    static final byte[] KNOWN_TAG = java.util.HexFormat.of().parseHex("ac6b4a40741ce6c5b8fc483ee0b2c918671744710fa52753a1af65caeee3d0ee");

    /** The two functions used, as libsodium declares them ({@code size_t} and {@code unsigned long long} are 64-bit here). */
    interface Sodium extends Library {
        int sodium_init();

        int crypto_pwhash_argon2id(byte[] out, long outLength, byte[] password, long passwordLength, byte[] salt,
                                   long opsLimit, long memLimitBytes, int algorithm);
    }

    private final Sodium sodium;
    private final Argon2idEngine other;

    SodiumArgon2id(Sodium sodium, Argon2idEngine other) {
        this.sodium = sodium;
        this.other = other;
    }

    /** libsodium in front of {@code other}; throws when the library is missing or gives a wrong tag. */
    static Argon2idEngine over(Argon2idEngine other) {
        Sodium sodium = Native.load("sodium", Sodium.class);
        if (sodium.sodium_init() < 0) throw new IllegalStateException("sodium_init failed");
        SodiumArgon2id engine = new SodiumArgon2id(sodium, other);
        byte[] tag = engine.hash(Argon2idEngines.filled(32, 0x01), Argon2idEngines.filled(SALT_BYTES, 0x02), KNOWN_MEMORY_KIB, 2, 1, 32);
        if (!java.security.MessageDigest.isEqual(tag, KNOWN_TAG)) {
            throw new IllegalStateException("libsodium does not reproduce the Argon2id tag of libargon2 and BouncyCastle");
        }
        return engine;
    }

    @Override
    public String name() {
        return "native-libsodium (" + other.name() + " for other parameters)";
    }

    @Override
    public byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData,
                       int memoryKib, int iterations, int parallelism, int tagLength) {
        if (parallelism != 1 || salt.length != SALT_BYTES || secret.length > 0 || associatedData.length > 0 || tagLength < MIN_TAG_BYTES) {
            return other.hash(password, salt, secret, associatedData, memoryKib, iterations, parallelism, tagLength);
        }
        byte[] tag = new byte[tagLength];
        int rc = sodium.crypto_pwhash_argon2id(tag, tagLength, password, password.length, salt, iterations, memoryKib * 1024L,
                ALG_ARGON2ID13);
        // -1 is libsodium's only failure (costs outside its limits, or no memory): the engine behind it decides
        return rc == 0 ? tag : other.hash(password, salt, secret, associatedData, memoryKib, iterations, parallelism, tagLength);
    }

    @Override
    public void releasePooledMemory() {
        other.releasePooledMemory();
    }
}
