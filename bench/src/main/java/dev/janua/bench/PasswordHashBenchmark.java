package dev.janua.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * One Argon2id hash and one verification with Janua's shipped parameters (SECURITY.md:
 * m=19456 KiB, t=2, p=1, 16-byte salt, 32-byte hash) — the cost that bounds sign-in throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PasswordHashBenchmark {
    private Argon2PasswordEncoder encoder;
    private String stored;
    /** Keycloak 26's default Argon2id (m=7168 KiB, t=5, p=1), for its hash bound in BENCHMARKS.md. */
    private Argon2PasswordEncoder keycloakDefault;
    private String storedKeycloak;

    @Setup
    public void setUp() {
        encoder = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
        stored = encoder.encode("correct horse battery staple");
        keycloakDefault = new Argon2PasswordEncoder(16, 32, 1, 7168, 5);
        storedKeycloak = keycloakDefault.encode("correct horse battery staple");
    }

    @Benchmark
    public boolean argon2idVerifyKeycloakDefaults() {
        return keycloakDefault.matches("correct horse battery staple", storedKeycloak);
    }

    @Benchmark
    public String argon2idHash() {
        return encoder.encode("correct horse battery staple");
    }

    @Benchmark
    public boolean argon2idVerify() {
        return encoder.matches("correct horse battery staple", stored);
    }
}
