package dev.janua.server.platform.crypto;

import com.sun.jna.Callback;
import com.sun.jna.CallbackReference;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Argon2_context;
import de.mkammerer.argon2.jna.Argon2_version;
import de.mkammerer.argon2.jna.JnaUint32;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Argon2id by the reference C library (Debian's {@code libargon2-1}) through JNA: the same RFC 9106
 * algorithm, compiled, about half the time of the Java implementation on this machine (BENCHMARKS.md).
 *
 * <p>libargon2 lets the caller supply the block memory ({@code allocate_cbk}/{@code free_cbk}), so
 * the 19 MiB a hash needs comes from a small pool of native blocks instead of a fresh allocation each
 * time. The pool keeps at most {@code poolSize} blocks (the number of cores: the password hasher
 * never runs more hashes at once), each of the configured size ({@code janua.passwords.argon2-memory-kib});
 * a burst beyond that, or a stored hash with a larger {@code m} (an import), gets a temporary block that
 * is freed right after instead of pooled, so one odd hash does not keep its memory for the life of the
 * process. The library wipes the blocks before handing them back, so nothing derived from a password
 * lingers; when it fails after taking a block (it then skips that), the block is wiped here and pooled.
 */
public final class NativeArgon2id implements Argon2idEngine {
    private static final int ARGON2_OK = 0;
    private static final int ARGON2_MEMORY_ALLOCATION_ERROR = -22;
    private static final int ARGON2_VERSION_13 = 0x13;

    /** {@code int (*allocate_fptr)(uint8_t **memory, size_t bytes_to_allocate)} */
    public interface Allocate extends Callback {
        int invoke(Pointer memory, long bytes);
    }

    /** {@code void (*deallocate_fptr)(uint8_t *memory, size_t bytes_to_allocate)} */
    public interface Release extends Callback {
        void invoke(Pointer memory, long bytes);
    }

    private final Argon2Library library;
    private final BlockingQueue<Memory> pool;
    /** The size of every pooled block: the configured Argon2 memory. */
    private final long pooledBlockBytes;
    /** The block lent to the hash running on this thread (libargon2 calls back on the caller's thread). */
    private final ThreadLocal<Memory> lent = new ThreadLocal<>();
    // Held in fields so the callback trampolines stay reachable as long as the engine.
    private final Allocate allocate = this::allocate;
    private final Release release = this::release;
    private final Pointer allocatePointer = CallbackReference.getFunctionPointer(allocate);
    private final Pointer releasePointer = CallbackReference.getFunctionPointer(release);

    NativeArgon2id(Argon2Library library, int poolSize, int pooledBlockKib) {
        this.library = library;
        this.pool = new ArrayBlockingQueue<>(Math.max(1, poolSize));
        this.pooledBlockBytes = Math.max(1, pooledBlockKib) * 1024L;
    }

    /**
     * Loads libargon2; throws (an {@link Error} from JNA, typically {@link UnsatisfiedLinkError}) when the
     * library is not installed or this is not a 64-bit JVM (the callbacks take {@code size_t} as a long).
     */
    public static NativeArgon2id load(int poolSize, int pooledBlockKib) {
        if (Native.SIZE_T_SIZE != 8) throw new UnsatisfiedLinkError("native Argon2 needs a 64-bit JVM");
        return new NativeArgon2id(Argon2Library.INSTANCE, poolSize, pooledBlockKib);
    }

    @Override
    public String name() {
        return "native-libargon2";
    }

    @Override
    public byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData,
                       int memoryKib, int iterations, int parallelism, int tagLength) {
        Memory out = new Memory(tagLength);
        Memory pwd = copy(password);
        Memory saltMemory = copy(salt);
        Memory secretMemory = copy(secret);
        Memory adMemory = copy(associatedData);
        try {
            Argon2_context.ByReference context = new Argon2_context.ByReference();
            context.out = out;
            context.outlen = new JnaUint32(tagLength);
            context.pwd = pwd;
            context.pwdlen = new JnaUint32(password.length);
            context.salt = saltMemory;
            context.saltlen = new JnaUint32(salt.length);
            context.secret = secretMemory;
            context.secretlen = new JnaUint32(secret.length);
            context.ad = adMemory;
            context.adlen = new JnaUint32(associatedData.length);
            context.t_cost = new JnaUint32(iterations);
            context.m_cost = new JnaUint32(memoryKib);
            context.lanes = new JnaUint32(parallelism);
            context.threads = new JnaUint32(parallelism);
            context.version = new Argon2_version(ARGON2_VERSION_13);
            context.allocate_cbk = allocatePointer;
            context.free_cbk = releasePointer;
            context.flags = new JnaUint32(0);
            int result = library.argon2id_ctx(context);
            if (result != ARGON2_OK) {
                throw new IllegalStateException("libargon2: " + library.argon2_error_message(result));
            }
            return out.getByteArray(0, tagLength);
        } finally {
            Memory notGivenBack = lent.get();
            if (notGivenBack != null) { // libargon2 failed after allocating and returned without freeing
                lent.remove();
                notGivenBack.clear(); // it may hold blocks derived from the password
                giveBack(notGivenBack);
            }
            if (pwd != null) pwd.clear();
            if (secretMemory != null) secretMemory.clear();
            out.clear();
        }
    }

    @Override
    public void releasePooledMemory() {
        for (Memory block; (block = pool.poll()) != null; ) block.close();
    }

    /** Blocks in the pool now (for the bound test). */
    int pooledBlocks() {
        return pool.size();
    }

    /** The next block a hash would take, without taking it (for the tests). */
    Memory peekPooled() {
        return pool.peek();
    }

    private int allocate(Pointer memory, long bytes) {
        try {
            Memory block;
            if (bytes > pooledBlockBytes) {
                block = new Memory(bytes); // larger than configured: temporary, freed on release
            } else {
                block = pool.poll();
                // always of the pooled size, so a later hash at the configured cost can reuse it
                if (block == null) block = new Memory(pooledBlockBytes);
            }
            lent.set(block);
            memory.setPointer(0, block);
            return ARGON2_OK;
        } catch (OutOfMemoryError e) {
            return ARGON2_MEMORY_ALLOCATION_ERROR;
        }
    }

    private void release(Pointer memory, long bytes) {
        Memory block = lent.get();
        lent.remove();
        if (block == null) return;
        giveBack(block);
    }

    /** Pools a block of the configured size while the pool has room; frees any other. */
    private void giveBack(Memory block) {
        if (block.size() != pooledBlockBytes || !pool.offer(block)) block.close();
    }

    private static Memory copy(byte[] bytes) {
        if (bytes.length == 0) return null;
        Memory memory = new Memory(bytes.length);
        memory.write(0, bytes, 0, bytes.length);
        return memory;
    }
}
