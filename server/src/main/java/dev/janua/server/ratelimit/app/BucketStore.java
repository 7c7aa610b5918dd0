package dev.janua.server.ratelimit.app;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where buckets live: this process's memory, or Redis so that every process shares them. */
interface BucketStore {
    ConsumptionProbe consume(String key, BucketConfiguration configuration);

    String kind();
}
