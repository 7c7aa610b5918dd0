package dev.janua.server.admin.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Request rates from Micrometer's {@code http.server.requests} timers, sampled every 10 s over the last minute. */
@Component
public class RequestRates {
    private record Sample(long nanos, long count) {}

    private final MeterRegistry registry;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public RequestRates(MeterRegistry registry) {
        this.registry = registry;
    }

    public long total() {
        long n = 0;
        for (Timer t : registry.find("http.server.requests").timers()) n += t.count();
        return n;
    }

    @Scheduled(fixedRate = 10_000)
    synchronized void sample() {
        samples.addLast(new Sample(System.nanoTime(), total()));
        while (samples.size() > 7) samples.removeFirst();
    }

    /** Requests per second over the last minute (or since the first sample). */
    public synchronized double perSecond() {
        Sample now = new Sample(System.nanoTime(), total());
        Sample first = samples.isEmpty() ? null : samples.getFirst();
        if (first == null || now.nanos() - first.nanos() < 1_000_000_000L) return 0;
        return (now.count() - first.count()) / ((now.nanos() - first.nanos()) / 1e9);
    }
}
