package dev.janua.server.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The per-node cache and its invalidation, without a database (H2 mode: one node, no NOTIFY). */
class NearCacheTest {
    private final Invalidations invalidations = new Invalidations(new AuthCacheProperties(true, 100, Duration.ofMinutes(1)), null, false);
    private final NearCache<String> cache = invalidations.newCache();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) TransactionSynchronizationManager.clearSynchronization();
    }

    @Test
    void keepsWhatWasStoredUntilItsKeyOrOwnerIsInvalidated() {
        cache.put("sess_1", "usr_1", "one", cache.generation());
        cache.put("sess_2", "usr_1", "two", cache.generation());
        cache.put("sess_3", "usr_2", "three", cache.generation());
        assertThat(cache.get("sess_1")).isEqualTo("one");

        invalidations.invalidate("sess_3");
        assertThat(cache.get("sess_3")).isNull();
        assertThat(cache.get("sess_1")).isEqualTo("one");

        invalidations.invalidate("usr_1"); // the user changed: every session entry it owns goes
        assertThat(cache.get("sess_1")).isNull();
        assertThat(cache.get("sess_2")).isNull();
    }

    @Test
    void aValueReadBeforeAnInvalidationIsNotStoredAfterIt() {
        long before = cache.generation();
        invalidations.invalidate("sess_1"); // e.g. sign-out committed while the read was in flight
        cache.put("sess_1", "usr_1", "stale", before);
        assertThat(cache.get("sess_1")).isNull();

        cache.put("sess_1", "usr_1", "fresh", cache.generation());
        assertThat(cache.get("sess_1")).isEqualTo("fresh");
    }

    @Test
    void insideATransactionTheEntryGoesWhenItEndsAndNotBefore() {
        cache.put("usr_1", "usr_1", "old name", cache.generation());
        TransactionSynchronizationManager.initSynchronization();
        invalidations.invalidate("usr_1");
        // not yet committed: other requests still see the committed state, so the cached copy is still right
        assertThat(cache.get("usr_1")).isEqualTo("old name");
        long readDuringTransaction = cache.generation();

        List<TransactionSynchronization> syncs = new ArrayList<>(TransactionSynchronizationManager.getSynchronizations());
        TransactionSynchronizationManager.clearSynchronization();
        for (TransactionSynchronization s : syncs) s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);

        assertThat(cache.get("usr_1")).isNull();
        cache.put("usr_1", "usr_1", "old name read before the commit", readDuringTransaction);
        assertThat(cache.get("usr_1")).as("a read that raced the commit cannot bring the old row back").isNull();
    }

    @Test
    void withoutTheInvalidationChannelNothingIsServedNorStored() {
        cache.put("sess_1", "usr_1", "one", cache.generation());
        invalidations.channel(false); // e.g. the PostgreSQL listener lost its connection
        assertThat(cache.get("sess_1")).isNull();
        cache.put("sess_2", "usr_1", "two", cache.generation());
        invalidations.channel(true);
        assertThat(cache.get("sess_1")).as("cleared: changes may have gone unheard meanwhile").isNull();
        assertThat(cache.get("sess_2")).isNull();
    }

    @Test
    void entriesExpireAfterTheTtlAndTheMapStaysBounded() throws InterruptedException {
        Invalidations short_ = new Invalidations(new AuthCacheProperties(true, 10, Duration.ofMillis(1)), null, false);
        NearCache<String> c = short_.newCache();
        c.put("k", "o", "v", c.generation());
        Thread.sleep(5);
        assertThat(c.get("k")).isNull();

        Invalidations bounded = new Invalidations(new AuthCacheProperties(true, 10, Duration.ofMinutes(1)), null, false);
        NearCache<String> b = bounded.newCache();
        for (int i = 0; i < 100; i++) b.put("k" + i, "o", "v", b.generation());
        assertThat(b.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void switchedOffItKeepsNothing() {
        Invalidations off = new Invalidations(new AuthCacheProperties(false, 100, Duration.ofMinutes(1)), null, false);
        NearCache<String> c = off.newCache();
        c.put("k", "o", "v", c.generation());
        assertThat(c.get("k")).isNull();
    }

    @Test
    void listenersHearEveryKeyAndTheChannelComingBack() {
        List<String> heard = new ArrayList<>();
        invalidations.onInvalidate(heard::add);
        invalidations.invalidate("signing-keys");
        invalidations.channel(true);
        assertThat(heard).containsExactly("signing-keys", "*");
    }
}
