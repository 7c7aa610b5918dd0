package dev.janua.server.platform.cache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces that a session or user changed, so every {@link NearCache} drops what it holds about it:
 * on this node right after the change commits, and on the other nodes through PostgreSQL
 * {@code NOTIFY} sent in the same transaction (PostgreSQL delivers it only if the change commits; see
 * {@link PostgresInvalidationListener}). With the embedded H2 database there is one node only.
 *
 * <p>The repositories call {@link #invalidate} from every statement that changes a session's
 * liveness or a user row, so no caller can forget it.
 */
@Component
public class Invalidations {
    /** The channel every node listens on; payload = the session or user id that changed. */
    static final String CHANNEL = "janua_auth_state";

    private final AtomicLong generation = new AtomicLong();
    private final List<NearCache<?>> caches = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final AuthCacheProperties config;
    private final JdbcClient jdbc;
    private final boolean postgres;
    /** False while another node's changes could go unheard (PostgreSQL listener not connected): caches are bypassed. */
    private volatile boolean channelUp;

    @Autowired
    public Invalidations(AuthCacheProperties config, JdbcClient jdbc, DatabaseVendor vendor) {
        this(config, jdbc, vendor.postgres());
    }

    Invalidations(AuthCacheProperties config, JdbcClient jdbc, boolean postgres) {
        this.config = config;
        this.jdbc = jdbc;
        this.postgres = postgres;
        this.channelUp = !postgres; // embedded H2: one node, nothing to hear
    }

    /** A cache of at most {@code janua.auth-cache.max-entries} values, each kept at most {@code ttl}. */
    public <V> NearCache<V> newCache() {
        NearCache<V> cache = new NearCache<>(this, config.maxEntries(), TimeUnit.NANOSECONDS.convert(config.ttl()));
        caches.add(cache);
        return cache;
    }

    /** Also called with every invalidated key (here and from other nodes), e.g. to reload the signing keys. */
    public void onInvalidate(Consumer<String> listener) {
        listeners.add(listener);
    }

    /**
     * The session or user {@code key} changed (or is about to, in the current transaction): its cached
     * state goes when the transaction ends (committed or not; dropping is always safe), and other nodes
     * hear of it at commit. Outside a transaction it goes at once.
     */
    public void invalidate(String key) {
        if (key == null) return;
        if (postgres) jdbc.sql("SELECT pg_notify('" + CHANNEL + "', :key)").param("key", key).query((rs, i) -> 1).list();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            evictLocally(key);
            return;
        }
        pendingInThisTransaction().add(key);
    }

    boolean usable() {
        return config.enabled() && channelUp;
    }

    long generation() {
        return generation.get();
    }

    /** Bumps the generation first, so a read that raced this eviction cannot store its older value. */
    void evictLocally(String key) {
        generation.incrementAndGet();
        for (NearCache<?> c : caches) c.evict(key);
        for (Consumer<String> l : listeners) l.accept(key);
    }

    /** The channel to other nodes is up (true) or lost (false); either way nothing cached before can be trusted. */
    void channel(boolean up) {
        generation.incrementAndGet();
        for (NearCache<?> c : caches) c.clear();
        channelUp = up;
        for (Consumer<String> l : listeners) l.accept("*");
    }

    boolean postgres() {
        return postgres;
    }

    @SuppressWarnings("unchecked")
    private Set<String> pendingInThisTransaction() {
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) return (Set<String>) bound;
        Set<String> keys = new LinkedHashSet<>();
        TransactionSynchronizationManager.bindResource(this, keys);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(Invalidations.this);
                for (String key : keys) evictLocally(key);
            }
        });
        return keys;
    }
}
