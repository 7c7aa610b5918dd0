package dev.janua.server.platform.persistence.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The ticket rule of {@link GroupCommit}, with a store whose writes the test holds and releases. */
class GroupCommitTest {

    /** A store whose first write blocks until released; every write counted. */
    private static final class HeldStore implements GroupCommit.StoreWriter {
        final AtomicInteger writes = new AtomicInteger();
        final CountDownLatch firstWriteStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirstWrite = new CountDownLatch(1);

        @Override
        public void writeCommitted() {
            if (writes.incrementAndGet() == 1) {
                firstWriteStarted.countDown();
                try {
                    releaseFirstWrite.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void aCommitArrivingDuringAWriteWaitsForTheNextWrite() throws Exception {
        HeldStore store = new HeldStore();
        GroupCommit group = new GroupCommit(store);
        Thread first = Thread.ofPlatform().start(group::awaitWritten);
        assertThat(store.firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicInteger writesSeenByLate = new AtomicInteger(-1);
        Thread late = Thread.ofPlatform().start(() -> {
            group.awaitWritten();
            writesSeenByLate.set(store.writes.get());
        });
        late.join(200);
        assertThat(late.isAlive()).as("the write under way began before this commit: it cannot cover it").isTrue();

        store.releaseFirstWrite.countDown();
        first.join(10_000);
        late.join(10_000);
        assertThat(writesSeenByLate.get()).isEqualTo(2);
    }

    @Test
    void commitsWaitingBehindOneWriteShareTheNext() throws Exception {
        HeldStore store = new HeldStore();
        GroupCommit group = new GroupCommit(store);
        Thread first = Thread.ofPlatform().start(group::awaitWritten);
        assertThat(store.firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();

        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 7; i++) waiting.add(Thread.ofPlatform().start(group::awaitWritten));
        // every one of them has its ticket before the held write ends
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.commits() < 8 && System.nanoTime() < deadline) Thread.sleep(5);
        store.releaseFirstWrite.countDown();
        first.join(10_000);
        for (Thread t : waiting) t.join(10_000);

        assertThat(group.commits()).isEqualTo(8);
        assertThat(store.writes.get()).as("one write for the first commit, one for the seven behind it").isEqualTo(2);
        assertThat(group.writes()).isEqualTo(2);
    }

    @Test
    void aCommitAfterTheLastWriteIsWrittenAgain() {
        HeldStore store = new HeldStore();
        store.releaseFirstWrite.countDown();
        GroupCommit group = new GroupCommit(store);
        group.awaitWritten();
        group.awaitWritten();
        assertThat(store.writes.get()).isEqualTo(2);
    }
}
