package dev.janua.server.platform.crypto;

/**
 * One Argon2id (version 0x13) computation: the raw tag for a password and a salt at given costs.
 * Three implementations exist (native libargon2, BouncyCastle's Java one, and libsodium in front of either for
 * one-lane hashes); {@link Argon2idEngines}
 * picks one at start-up and checks it against RFC 9106's test vector first.
 */
public interface Argon2idEngine {
    /** Short name for logs and the benchmark table: {@code native-libargon2} or {@code java-bouncycastle}. */
    String name();

    /**
     * The RFC 9106 tag. {@code secret} and {@code associatedData} may be empty (Janua's password hashes
     * use neither; the known-answer test does).
     */
    byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData,
                int memoryKib, int iterations, int parallelism, int tagLength);

    /**
     * Gives back memory kept between hashes (the native engine's pooled blocks); the next hash allocates
     * again. Safe while other hashes run: only blocks not lent out are released.
     */
    default void releasePooledMemory() {}

    default byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int tagLength) {
        return hash(password, salt, new byte[0], new byte[0], memoryKib, iterations, parallelism, tagLength);
    }
}
