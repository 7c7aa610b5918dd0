package dev.janua.server.ratelimit.app;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Buckets in this process's memory; full buckets are dropped by {@link #sweep()} so the map stays small. */
final class LocalBucketStore implements BucketStore {
    private record Entry(Bucket bucket, long capacity) {}

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    @Override
    public ConsumptionProbe consume(String key, BucketConfiguration configuration) {
        Entry e = buckets.computeIfAbsent(key, k -> new Entry(Bucket.builder().addLimit(configuration.getBandwidths()[0]).build(),
                configuration.getBandwidths()[0].getCapacity()));
        return e.bucket().tryConsumeAndReturnRemaining(1);
    }

    /** A full bucket is the same as no bucket; forgetting it frees memory without changing any limit. */
    void sweep() {
        buckets.entrySet().removeIf(en -> en.getValue().bucket().getAvailableTokens() >= en.getValue().capacity());
    }

    @Override
    public String kind() {
        return "memory";
    }
}
