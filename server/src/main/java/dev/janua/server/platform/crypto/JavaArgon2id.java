package dev.janua.server.platform.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * BouncyCastle's pure-Java Argon2id: always available, the fallback when libargon2 is not installed.
 * It allocates its memory blocks (19 MiB at Janua's parameters) anew for every hash and has no hook
 * to reuse them.
 */
public final class JavaArgon2id implements Argon2idEngine {
    @Override
    public String name() {
        return "java-bouncycastle";
    }

    @Override
    public byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData,
                       int memoryKib, int iterations, int parallelism, int tagLength) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withSecret(secret).withAdditional(associatedData)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] tag = new byte[tagLength];
        generator.generateBytes(password, tag);
        return tag;
    }
}
