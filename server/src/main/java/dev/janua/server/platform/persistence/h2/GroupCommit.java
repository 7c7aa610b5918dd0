package dev.janua.server.platform.persistence.h2;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the embedded H2 database: a committed transaction waits until its changes are written
 * to the file, and one write covers every transaction that committed before it began.
 *
 * <p>Why: with {@code WRITE_DELAY=0} H2 writes a new chunk of the store on every commit, and with
 * concurrent transactions it nearly always has something to write, because other transactions'
 * uncommitted changes are in the same maps. Under 8 concurrent refreshes 0.7 chunks were written per
 * commit, each re-serialising the changed B-tree pages of every map: ~30 % of a refresh's CPU
 * (issue 16, BENCHMARKS.md). Here commits that arrive while a write is under way share the next one.
 *
 * <p>How: a committer takes a ticket after its commit has happened in memory, then waits for the write
 * lock. Whoever holds the lock notes the newest ticket handed out and writes the store; every ticket up
 * to that one belonged to a commit that was already in memory when the write began, so it is covered.
 * A waiter that finds its ticket covered returns without writing. The guarantee is the one
 * {@code WRITE_DELAY=0} gave: the write is in the operating system's hands (no fsync, as before)
 * before the caller answers, so a killed process loses no committed change.
 */
public final class GroupCommit {
    /** What writes the store's committed changes to the file, all of them, at once. */
    @FunctionalInterface
    public interface StoreWriter {
        void writeCommitted();
    }

    private final StoreWriter store;
    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicLong tickets = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    /** The newest ticket a finished write covers; changed only under {@link #writing}. */
    private volatile long covered;

    public GroupCommit(StoreWriter store) {
        this.store = store;
    }

    /** Call after a commit that changed data has returned; returns once that change is written. */
    public void awaitWritten() {
        long ticket = tickets.incrementAndGet();
        if (covered >= ticket) return;
        writing.lock();
        try {
            if (covered >= ticket) return;
            long upTo = tickets.get();
            store.writeCommitted();
            writes.incrementAndGet();
            covered = upTo;
        } finally {
            writing.unlock();
        }
    }

    /** Commits that waited for a write, and writes made: their ratio is how many commits a write served. */
    public long commits() {
        return tickets.get();
    }

    public long writes() {
        return writes.get();
    }
}
