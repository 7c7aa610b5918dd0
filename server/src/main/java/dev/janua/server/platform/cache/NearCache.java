package dev.janua.server.platform.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A small per-node map of values read from the database, each under a key (a session id, a user id)
 * and an owner (the user it belongs to), dropped when {@link Invalidations} announces either. A value
 * read before an invalidation and stored after it would bring the old state back, so {@link #put}
 * takes the {@link Invalidations#generation()} seen before the read and stores nothing if any
 * invalidation happened since.
 */
public final class NearCache<V> {
    private record Entry<V>(V value, String owner, long expiresAtNanos) {}

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Invalidations invalidations;
    private final int maxEntries;
    private final long ttlNanos;

    NearCache(Invalidations invalidations, int maxEntries, long ttlNanos) {
        this.invalidations = invalidations;
        this.maxEntries = maxEntries;
        this.ttlNanos = ttlNanos;
    }

    /** The cached value, or null when absent, expired, or the cache is off (no invalidation channel). */
    public V get(String key) {
        if (!invalidations.usable()) return null;
        Entry<V> e = entries.get(key);
        if (e == null) return null;
        if (System.nanoTime() - e.expiresAtNanos() > 0) {
            entries.remove(key, e);
            return null;
        }
        return e.value();
    }

    /** The generation to pass to {@link #put}: read it before reading the database. */
    public long generation() {
        return invalidations.generation();
    }

    /** Stores a value read at {@code generation}, unless anything was invalidated since. */
    public void put(String key, String owner, V value, long generation) {
        if (!invalidations.usable() || maxEntries <= 0) return;
        BoundedMaps.makeRoom(entries, maxEntries);
        entries.put(key, new Entry<>(value, owner, System.nanoTime() + ttlNanos));
        // an invalidation that ran between the check above and the put: undo, it may concern this value
        if (invalidations.generation() != generation) entries.remove(key);
    }

    /** Replaces a cached value in place (e.g. a newer activity time); absent keys stay absent. */
    public void update(String key, UnaryOperator<V> change) {
        entries.computeIfPresent(key, (k, e) -> new Entry<>(change.apply(e.value()), e.owner(), e.expiresAtNanos()));
    }

    int size() {
        return entries.size();
    }

    /** Drops the entry under {@code key} and every entry owned by {@code key}. */
    void evict(String key) {
        entries.remove(key);
        entries.values().removeIf(e -> key.equals(e.owner()));
    }

    void clear() {
        entries.clear();
    }
}
