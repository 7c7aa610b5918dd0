package dev.janua.server.users.persistence;

import dev.janua.server.platform.cache.DatabaseVendor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The three-letter-or-digit sequences found in at least 1 % of the users' {@code search_text}, from a
 * sample of about 20,000 rows read every 10 minutes in the background: the statistics PostgreSQL does
 * not keep for pg_trgm, for {@link dev.janua.server.users.domain.SearchProbe}. Only a plan choice
 * depends on it, never an answer, so an old or empty sample only costs time. PostgreSQL only (on H2
 * there is no trigram index to spare).
 */
@Component
public class FrequentTrigrams {
    private static final Logger log = LoggerFactory.getLogger(FrequentTrigrams.class);
    static final double SHARE = 0.01;
    // TABLESAMPLE SYSTEM reads whole pages, and rows written together share trigrams (the seeded user404200…
    // user404255 on one page all hold "404"): with 5,000 rows one page was 1 % of the sample and made such
    // trigrams "frequent" by chance, so probes came out shorter and less selective. With 20,000 rows (~360
    // pages; tens of milliseconds every 10 minutes at 1,000,000 users) it takes several such pages.
    private static final int SAMPLE_ROWS = 20_000;
    private static final long MAX_AGE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Set<String> frequent = Set.of();
    private volatile long sampledAt;
    private volatile boolean sampled;

    public FrequentTrigrams(JdbcClient jdbc, DatabaseVendor vendor) {
        this.jdbc = jdbc;
        this.postgres = vendor.postgres();
    }

    /** The last sample's frequent sequences (none before the first); starts a new sample when it is old. */
    public Set<String> current() {
        if (postgres && (!sampled || System.nanoTime() - sampledAt > MAX_AGE_NANOS) && refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("janua-trigram-sample").start(() -> {
                try {
                    refresh();
                } catch (RuntimeException e) {
                    log.warn("trigram sample failed; searches ask the index for whole terms: {}", e.toString());
                } finally {
                    refreshing.set(false);
                }
            });
        }
        return frequent;
    }

    /** Samples now (also for tests). TABLESAMPLE SYSTEM reads whole random pages: cheap at any table size. */
    public void refresh() {
        if (!postgres) return;
        double rows = jdbc.sql("SELECT GREATEST(reltuples, 0) FROM pg_class WHERE oid = 'users'::regclass")
                .query(Double.class).optional().orElse(0.0);
        double percent = rows <= SAMPLE_ROWS ? 100 : Math.max(0.01, 100.0 * SAMPLE_ROWS / rows);
        List<String> texts = jdbc.sql("SELECT search_text FROM users TABLESAMPLE SYSTEM (" + percent + ") LIMIT " + 2 * SAMPLE_ROWS)
                .query(String.class).list();
        frequent = frequentIn(texts, SHARE);
        sampledAt = System.nanoTime();
        sampled = true;
    }

    /** For tests: this set until the next sample, as if sampled now. */
    void use(Set<String> sample) {
        frequent = Set.copyOf(sample);
        sampledAt = System.nanoTime();
        sampled = true;
    }

    /** The sequences of three letters or digits that occur in at least {@code share} of {@code texts}. */
    static Set<String> frequentIn(List<String> texts, double share) {
        Map<String, Integer> rowsWith = new HashMap<>();
        for (String t : texts) {
            if (t == null) continue;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i + 3 <= t.length(); i++) {
                if (Character.isLetterOrDigit(t.charAt(i)) && Character.isLetterOrDigit(t.charAt(i + 1))
                        && Character.isLetterOrDigit(t.charAt(i + 2))) {
                    seen.add(t.substring(i, i + 3));
                }
            }
            for (String s : seen) rowsWith.merge(s, 1, Integer::sum);
        }
        double min = Math.max(1, share * texts.size());
        Set<String> out = new HashSet<>();
        rowsWith.forEach((s, n) -> {
            if (n >= min) out.add(s);
        });
        return Set.copyOf(out);
    }
}
