package dev.janua.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.janua.server.audit.app.AuditAppender;
import dev.janua.server.audit.app.AuditChainVerifier;
import dev.janua.server.platform.events.DomainEvent;
import dev.janua.server.platform.events.EventPublisher;
import dev.janua.server.platform.web.ClientInfo;
import dev.janua.server.support.Api;
import dev.janua.server.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The audit log over real HTTP: who sees what, filters, tamper detection, concurrency and late commits. */
class AuditLogIntegrationTest extends IntegrationTest {
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    AuditAppender appender;
    @Autowired
    javax.sql.DataSource dataSource;

    private String admin() {
        Api.Response r = signUp(uniqueEmail("audit-admin"));
        jdbc.sql("UPDATE users SET is_admin = TRUE WHERE id = :id").param("id", r.text("/user/id")).update();
        return accessToken(r);
    }

    @Test
    void usersSeeTheirOwnVerifiedRecordsAndNobodyElses() {
        Api.Response me = signUp(uniqueEmail("audit-me"));
        String token = accessToken(me);
        String userId = me.text("/user/id");
        api.post("/api/v1/auth/signin", Api.map("email", me.text("/user/email"), "password", PASSWORD),
                "User-Agent", "AuditTest/1.0", "X-Request-ID", "req-audit-1");
        Api.Response other = signUp(uniqueEmail("audit-other"));

        Api.Response mine = api.get("/api/v1/audit-logs?limit=100", "Authorization", Api.bearer(token));
        assertThat(mine.status()).isEqualTo(200);
        List<JsonNode> entries = list(mine.json().path("data"));
        assertThat(entries).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("userId").asString().equals(userId) || e.path("actorId").asString().equals(userId)).isTrue();
            assertThat(e.path("verified").asBoolean()).isTrue();
            assertThat(e.path("hashChain").asString()).hasSize(64);
            assertThat(e.path("id").asString()).startsWith("log_");
        });
        assertThat(entries).extracting(e -> e.path("eventType").asString()).contains("user.created", "user.signin", "session.created");
        JsonNode signin = entries.stream().filter(e -> e.path("eventType").asString().equals("user.signin")).findFirst().orElseThrow();
        assertThat(signin.path("userAgent").asString()).isEqualTo("AuditTest/1.0");
        assertThat(signin.path("requestId").asString()).isEqualTo("req-audit-1");
        assertThat(signin.path("ipAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(signin.path("details").path("method").asString()).isEqualTo("password");
        assertThat(signin.path("timestamp").asString()).endsWith("Z");
        // newest first, positions strictly decreasing
        assertThat(entries.get(0).path("position").asLong()).isGreaterThan(entries.get(entries.size() - 1).path("position").asLong());

        Api.Response forbidden = api.get("/api/v1/audit-logs?userId=" + other.text("/user/id"), "Authorization", Api.bearer(token));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/audit-logs", "Authorization", Api.bearer(token)).errorCode()).isEqualTo("INSUFFICIENT_PERMISSIONS");
        assertThat(api.get("/api/v1/audit-logs/verify", "Authorization", Api.bearer(token)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit-logs").status()).isEqualTo(401);
    }

    @Test
    void adminsFilterByTypeAliasUserAndDatesAndQueryByBody() {
        String admin = admin();
        Api.Response u = signUp(uniqueEmail("audit-filter"));
        String userId = u.text("/user/id");
        api.post("/api/v1/auth/signin", Api.map("email", u.text("/user/email"), "password", PASSWORD));

        Api.Response byAlias = api.get("/v1/admin/audit-logs?eventType=auth.login&userId=" + userId, "Authorization", Api.bearer(admin));
        assertThat(byAlias.status()).isEqualTo(200);
        // sign-up signs in too: two sign-ins
        assertThat(list(byAlias.json().path("data"))).hasSize(2).allSatisfy(e -> assertThat(e.path("eventType").asString()).isEqualTo("user.signin"));
        assertThat(byAlias.json().at("/pagination/totalCount").asLong()).isEqualTo(2);
        long all = api.get("/api/v1/audit-logs?userId=" + userId, "Authorization", Api.bearer(admin)).json().at("/pagination/totalCount").asLong();
        assertThat(all).isEqualTo(5); // user.created, then session.created + user.signin twice

        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Api.Response dated = api.get("/api/v1/audit-logs?userId=" + userId + "&startDate=" + today + "&endDate=" + today + "&page=1&limit=2",
                "Authorization", Api.bearer(admin));
        assertThat(list(dated.json().path("data"))).hasSize(2);
        assertThat(dated.json().at("/pagination/hasMore").asBoolean()).isTrue();
        Api.Response past = api.get("/api/v1/audit-logs?userId=" + userId + "&endDate=2020-01-01", "Authorization", Api.bearer(admin));
        assertThat(list(past.json().path("data"))).isEmpty();
        assertThat(api.get("/api/v1/audit-logs?startDate=yesterday", "Authorization", Api.bearer(admin)).errorCode()).isEqualTo("VALIDATION_ERROR");

        Api.Response byBody = api.post("/api/v1/audit/events", Api.map("userId", userId, "eventType", "user.created", "limit", 10),
                "Authorization", Api.bearer(admin));
        assertThat(byBody.status()).isEqualTo(200);
        assertThat(list(byBody.json().path("data"))).hasSize(1);

        Api.Response jsonl = api.get("/api/v1/admin/audit-logs/export?format=jsonl&userId=" + userId, "Authorization", Api.bearer(admin));
        assertThat(jsonl.header("Content-Type")).startsWith("application/x-ndjson");
        String[] lines = jsonl.raw().body().split("\n");
        assertThat((long) lines.length).isEqualTo(all);
        assertThat(lines).allSatisfy(l -> assertThat(l).contains("\"verified\":true"));
        Api.Response csv = api.get("/api/v1/admin/audit-logs/export?format=csv&userId=" + userId, "Authorization", Api.bearer(admin));
        assertThat(csv.raw().body()).startsWith("id,position,timestamp,eventType");
        assertThat(csv.raw().body().split("\n")).hasSize(lines.length + 1);
    }

    @Test
    void verificationNamesTheFirstTamperedRecord() {
        String admin = admin();
        Api.Response u = signUp(uniqueEmail("audit-tamper"));
        Api.Response before = api.get("/api/v1/admin/audit-logs/verify", "Authorization", Api.bearer(admin));
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().path("valid").asBoolean()).isTrue();
        assertThat(before.json().path("recordsChecked").asLong()).isPositive();

        JsonNode created = list(api.get("/api/v1/admin/audit-logs?eventType=user.created&userId=" + u.text("/user/id"),
                "Authorization", Api.bearer(admin)).json().path("data")).getFirst();
        long position = created.path("position").asLong();
        String originalIp = jdbc.sql("SELECT ip_address FROM audit_log WHERE position = :p").param("p", position).query(String.class).single();
        jdbc.sql("UPDATE audit_log SET ip_address = '6.6.6.6' WHERE position = :p").param("p", position).update();
        try {
            Api.Response after = api.get("/api/v1/admin/audit-logs/verify", "Authorization", Api.bearer(admin));
            assertThat(after.json().path("valid").asBoolean()).isFalse();
            assertThat(after.json().path("firstInvalidPosition").asLong()).isEqualTo(position);
            assertThat(after.json().path("firstInvalidId").asString()).isEqualTo(created.path("id").asString());
            assertThat(after.json().path("reason").asString()).contains("hash mismatch");
            JsonNode shown = list(api.get("/api/v1/admin/audit-logs?eventType=user.created&userId=" + u.text("/user/id"),
                    "Authorization", Api.bearer(admin)).json().path("data")).getFirst();
            assertThat(shown.path("verified").asBoolean()).isFalse();
            assertThat(shown.path("ipAddress").asString()).isEqualTo("6.6.6.6");
        } finally {
            jdbc.sql("UPDATE audit_log SET ip_address = :ip WHERE position = :p").param("ip", originalIp).param("p", position).update();
        }
        assertThat(api.post("/api/v1/audit/verify", null, "Authorization", Api.bearer(admin)).json().path("valid").asBoolean()).isTrue();
    }

    @Test
    void seededChainsVerifyInParallelRangesAndTheEarliestTamperedRecordIsNamed() throws Exception {
        appender.catchUp();
        long last = SyntheticAuditChain.seed(jdbc, tx, 3000);
        AuditChainVerifier parallel = new AuditChainVerifier(dataSource, 4, 500);
        ChainVerification ok = parallel.verify();
        assertThat(ok.valid()).isTrue();
        assertThat(ok.recordsChecked()).isEqualTo(last);
        long early = last - 2500;
        long late = last - 200;
        jdbc.sql("UPDATE audit_log SET event_type = 'user.deleted' WHERE position IN (:p)").param("p", List.of(early, late)).update();
        try {
            ChainVerification broken = parallel.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstInvalidPosition()).isEqualTo(early);
            assertThat(broken.firstInvalidId()).isEqualTo("log_seed" + early);
        } finally {
            jdbc.sql("UPDATE audit_log SET event_type = :t WHERE position = :p").param("t", seededType(early)).param("p", early).update();
            jdbc.sql("UPDATE audit_log SET event_type = :t WHERE position = :p").param("t", seededType(late)).param("p", late).update();
        }
        assertThat(parallel.verify().valid()).isTrue();
    }

    @Test
    void bothReadersOfTheVerifierFindTheSameTamperingAndDeletion() throws Exception {
        // On PostgreSQL the verifier reads by binary COPY; the query reader is the independent second opinion.
        appender.catchUp();
        long last = SyntheticAuditChain.seed(jdbc, tx, 1200);
        AuditChainVerifier copy = new AuditChainVerifier(dataSource, 3, 200);
        AuditChainVerifier query = dev.janua.server.audit.app.QueryReader.verifier(dataSource, 3, 200);
        assertThat(copy.verify()).extracting(ChainVerification::valid, ChainVerification::recordsChecked).containsExactly(true, last);
        assertThat(query.verify()).extracting(ChainVerification::valid, ChainVerification::recordsChecked).containsExactly(true, last);

        long altered = last - 900;
        String detailsBefore = jdbc.sql("SELECT details FROM audit_log WHERE position = :p").param("p", altered).query(String.class).single();
        jdbc.sql("UPDATE audit_log SET details = :d WHERE position = :p").param("d", "{\"note\":\"é \\\"x\\\" \\u0001\"}")
                .param("p", altered).update();
        try {
            for (AuditChainVerifier v : List.of(copy, query)) {
                ChainVerification broken = v.verify();
                assertThat(broken.valid()).isFalse();
                assertThat(broken.firstInvalidPosition()).isEqualTo(altered);
                assertThat(broken.firstInvalidId()).isEqualTo("log_seed" + altered);
                assertThat(broken.reason()).contains("hash mismatch");
            }
        } finally {
            jdbc.sql("UPDATE audit_log SET details = :d WHERE position = :p").param("d", detailsBefore).param("p", altered).update();
        }
        assertThat(copy.verify().valid()).isTrue();

        long removed = last - 100;
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_log WHERE position = :p").param("p", removed).query().singleRow();
        jdbc.sql("DELETE FROM audit_log WHERE position = :p").param("p", removed).update();
        try {
            for (AuditChainVerifier v : List.of(copy, query)) {
                ChainVerification broken = v.verify();
                assertThat(broken.valid()).isFalse();
                assertThat(broken.firstInvalidPosition()).isEqualTo(removed);
                assertThat(broken.reason()).contains("missing");
            }
        } finally {
            reinsert(row);
        }
        assertIntact(copy, query);
    }

    @Test
    void aBreakAtARangeBoundaryIsNamedWhereItIsAndTheEarliestOfSeveralRangesWins() throws Exception {
        appender.catchUp();
        long last = SyntheticAuditChain.seed(jdbc, tx, 2000);
        AuditChainVerifier copy = new AuditChainVerifier(dataSource, 4, 400);
        AuditChainVerifier query = dev.janua.server.audit.app.QueryReader.verifier(dataSource, 4, 400);
        long size = (last + 3) / 4; // the verifier's ranges: 1..size, size+1..2*size, …
        long endOfFirst = size;
        long startOfSecond = size + 1;
        long inThird = 2 * size + 7;
        long inFourth = 3 * size + 11;
        Map<Long, String> hashes = new java.util.HashMap<>();
        Map<Long, String> types = new java.util.HashMap<>();
        for (long p : List.of(endOfFirst, startOfSecond, inThird, inFourth)) {
            hashes.put(p, jdbc.sql("SELECT hash FROM audit_log WHERE position = :p").param("p", p).query(String.class).single());
            types.put(p, jdbc.sql("SELECT event_type FROM audit_log WHERE position = :p").param("p", p).query(String.class).single());
        }
        try {
            // the stored hash of a range's last record: that record fails, not the next range's first that chains to it
            jdbc.sql("UPDATE audit_log SET hash = :h WHERE position = :p").param("h", "a".repeat(64)).param("p", endOfFirst).update();
            assertBrokenAt(List.of(copy, query), endOfFirst);
            jdbc.sql("UPDATE audit_log SET hash = :h WHERE position = :p").param("h", hashes.get(endOfFirst)).param("p", endOfFirst).update();
            // the first record of a range, then also records in later ranges: the earliest is named
            jdbc.sql("UPDATE audit_log SET event_type = 'user.deleted' WHERE position = :p").param("p", startOfSecond).update();
            assertBrokenAt(List.of(copy, query), startOfSecond);
            jdbc.sql("UPDATE audit_log SET event_type = 'user.deleted' WHERE position IN (:p)").param("p", List.of(inThird, inFourth)).update();
            assertBrokenAt(List.of(copy, query), startOfSecond);
            jdbc.sql("UPDATE audit_log SET event_type = :t WHERE position = :p").param("t", types.get(startOfSecond)).param("p", startOfSecond).update();
            assertBrokenAt(List.of(copy, query), inThird);
        } finally {
            for (long p : hashes.keySet()) {
                jdbc.sql("UPDATE audit_log SET hash = :h, event_type = :t WHERE position = :p")
                        .param("h", hashes.get(p)).param("t", types.get(p)).param("p", p).update();
            }
        }
        assertIntact(copy, query);
    }

    @Test
    void anIntactChainWhoseRowsAreOutOfDiskOrderIsStillProvenIntact() throws Exception {
        appender.catchUp();
        long last = SyntheticAuditChain.seed(jdbc, tx, 1000);
        // updated and re-inserted rows move on disk: position order and disk order now differ
        for (long p : List.of(last - 900, last - 500, last - 499)) {
            String type = jdbc.sql("SELECT event_type FROM audit_log WHERE position = :p").param("p", p).query(String.class).single();
            jdbc.sql("UPDATE audit_log SET event_type = 'moved' WHERE position = :p").param("p", p).update();
            jdbc.sql("UPDATE audit_log SET event_type = :t WHERE position = :p").param("t", type).param("p", p).update();
        }
        long removed = last - 300;
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_log WHERE position = :p").param("p", removed).query().singleRow();
        jdbc.sql("DELETE FROM audit_log WHERE position = :p").param("p", removed).update();
        reinsert(row);
        Boolean proven = dev.janua.server.audit.app.QueryReader.provenIntactInDiskOrder(dataSource, 3);
        assertThat(proven).isEqualTo(dev.janua.server.support.TestDatabase.isPostgres() ? Boolean.TRUE : null);
        assertThat(new AuditChainVerifier(dataSource, 3, 200).verify()).extracting(ChainVerification::valid, ChainVerification::recordsChecked)
                .containsExactly(true, last);
    }

    @Test
    void theDiskOrderCheckItselfRefusesATamperedRecordOrADeletedOne() throws Exception {
        appender.catchUp();
        long last = SyntheticAuditChain.seed(jdbc, tx, 600);
        // twelve neighbours in turn, each altered by one non-ASCII character: the fast path must refuse every one
        // itself (not leave it to the ordered verification), whether the record starts a run or continues one
        int parts = 2;
        Boolean before = dev.janua.server.audit.app.QueryReader.provenIntactInDiskOrder(dataSource, parts);
        assertThat(before).isEqualTo(dev.janua.server.support.TestDatabase.isPostgres() ? Boolean.TRUE : null);
        if (before == null) return; // H2: the ordered reader alone, covered above
        for (long p = last - 300; p < last - 288; p++) {
            String agent = jdbc.sql("SELECT user_agent FROM audit_log WHERE position = :p").param("p", p).query(String.class).single();
            jdbc.sql("UPDATE audit_log SET user_agent = :a WHERE position = :p").param("a", agent + "é").param("p", p).update();
            try {
                assertThat(dev.janua.server.audit.app.QueryReader.provenIntactInDiskOrder(dataSource, parts)).as("tampered %d", p).isFalse();
                ChainVerification broken = new AuditChainVerifier(dataSource, 2, 100).verify();
                assertThat(broken.firstInvalidPosition()).isEqualTo(p);
                assertThat(broken.reason()).contains("hash mismatch");
            } finally {
                jdbc.sql("UPDATE audit_log SET user_agent = :a WHERE position = :p").param("a", agent).param("p", p).update();
            }
        }
        // an UPDATE moves the row, so the record above started a run of its own; rewritten in position order
        // (CLUSTER), the tampered record sits inside a run and must fail its predecessor's check there
        long inRun = last - 200;
        String agent = jdbc.sql("SELECT user_agent FROM audit_log WHERE position = :p").param("p", inRun).query(String.class).single();
        jdbc.sql("UPDATE audit_log SET user_agent = :a WHERE position = :p").param("a", agent + "é").param("p", inRun).update();
        try {
            jdbc.sql("CLUSTER audit_log USING audit_log_pkey").update();
            assertThat(dev.janua.server.audit.app.QueryReader.provenIntactInDiskOrder(dataSource, parts)).isFalse();
            assertThat(new AuditChainVerifier(dataSource, 2, 100).verify().firstInvalidPosition()).isEqualTo(inRun);
        } finally {
            jdbc.sql("UPDATE audit_log SET user_agent = :a WHERE position = :p").param("a", agent).param("p", inRun).update();
        }
        // a record deleted: the runs no longer meet
        Map<String, Object> row = jdbc.sql("SELECT * FROM audit_log WHERE position = :p").param("p", last - 50).query().singleRow();
        jdbc.sql("DELETE FROM audit_log WHERE position = :p").param("p", last - 50).update();
        try {
            assertThat(dev.janua.server.audit.app.QueryReader.provenIntactInDiskOrder(dataSource, parts)).isFalse();
        } finally {
            reinsert(row);
        }
        assertThat(dev.janua.server.audit.app.QueryReader.provenIntactInDiskOrder(dataSource, parts)).isTrue();
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.sql("INSERT INTO audit_log (" + String.join(", ", row.keySet()) + ") VALUES (:" + String.join(", :", row.keySet()) + ")")
                .params(row).update();
    }

    private static void assertIntact(AuditChainVerifier... verifiers) {
        for (AuditChainVerifier v : verifiers) assertThat(v.verify().valid()).isTrue();
    }

    private void assertBrokenAt(List<AuditChainVerifier> verifiers, long position) {
        String id = jdbc.sql("SELECT id FROM audit_log WHERE position = :p").param("p", position).query(String.class).single();
        for (AuditChainVerifier v : verifiers) {
            ChainVerification broken = v.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstInvalidPosition()).isEqualTo(position);
            assertThat(broken.firstInvalidId()).isEqualTo(id);
            assertThat(broken.reason()).contains("hash mismatch");
        }
    }

    private static String seededType(long position) {
        return SyntheticAuditChain.TYPES[(int) (position % SyntheticAuditChain.TYPES.length)];
    }

    @Test
    void concurrentWritersEachGetExactlyOneRecordInOneUnbrokenChain() throws Exception {
        String marker = "c" + java.util.UUID.randomUUID().toString().substring(0, 8);
        int threads = 8;
        int perThread = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int n = i;
                        tx.executeWithoutResult(s -> events.publish(DomainEvent.of("user.updated", "usr_" + marker, null,
                                Map.of("marker", marker, "thread", thread, "n", n)), ClientInfo.none()));
                    }
                }));
            }
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        }
        appender.catchUp();
        List<Long> seqs = jdbc.sql("SELECT seq FROM domain_events WHERE subject_id = :s").param("s", "usr_" + marker).query(Long.class).list();
        List<Long> audited = jdbc.sql("SELECT event_seq FROM audit_log WHERE subject_id = :s").param("s", "usr_" + marker).query(Long.class).list();
        assertThat(seqs).hasSize(threads * perThread);
        assertThat(audited).containsExactlyInAnyOrderElementsOf(seqs);
        long head = jdbc.sql("SELECT last_position FROM audit_chain_head").query(Long.class).single();
        long count = jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
        long max = jdbc.sql("SELECT MAX(position) FROM audit_log").query(Long.class).single();
        assertThat(count).isEqualTo(head).isEqualTo(max);
        assertThat(api.get("/api/v1/admin/audit-logs/verify", "Authorization", Api.bearer(admin())).json().path("valid").asBoolean()).isTrue();
    }

    @Test
    void anEventCommittedLateIsWaitedForOrAppendedLaterButNeverLost() throws Exception {
        // 1. the late transaction commits within the wait: seq order is kept
        long[] early = holdOpenWhile(() -> {
            assertThat(appender.catchUp()).isGreaterThanOrEqualTo(0);
        }, Duration.ofSeconds(5));
        assertThat(position(early[0])).as("late event in the log").isNotNull();
        assertThat(position(early[0])).isLessThan(position(early[1]));

        // 2. the appender stops waiting (gap wait 0 here): the later event goes first, the late one follows when it commits
        long[] late = holdOpenWhile(() -> appender.catchUp(Duration.ZERO), null);
        appender.catchUp();
        assertThat(position(late[0])).as("late event appended after all").isNotNull();
        assertThat(position(late[0])).isGreaterThan(position(late[1]));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_consumer_gaps WHERE consumer = 'audit' AND seq = :s").param("s", late[0])
                .query(Long.class).single()).isZero();
        assertThat(api.get("/api/v1/admin/audit-logs/verify", "Authorization", Api.bearer(admin())).json().path("valid").asBoolean()).isTrue();
    }

    /**
     * Publishes event A in a transaction held open, then event B committed; runs {@code whileOpen}
     * (checking B is not appended before A when {@code gapWait} is given), commits A and catches up.
     * Returns the seqs of A and B.
     */
    private long[] holdOpenWhile(Runnable whileOpen, Duration gapWait) throws Exception {
        String marker = "l" + java.util.UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch published = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<?> a = pool.submit(() -> tx.executeWithoutResult(s -> {
                events.publish(DomainEvent.of("user.updated", "usr_" + marker + "-a", null, Map.of()), ClientInfo.none());
                published.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(published.await(10, TimeUnit.SECONDS)).isTrue();
            tx.executeWithoutResult(s -> events.publish(DomainEvent.of("user.updated", "usr_" + marker + "-b", null, Map.of()), ClientInfo.none()));
            long seqB = seq(marker + "-b");
            whileOpen.run();
            if (gapWait != null) assertThat(position(seqB)).as("B waits for the open transaction").isNull();
            release.countDown();
            a.get(30, TimeUnit.SECONDS);
            appender.catchUp();
            return new long[] {seq(marker + "-a"), seqB};
        }
    }

    private long seq(String subject) {
        return jdbc.sql("SELECT seq FROM domain_events WHERE subject_id = :s").param("s", "usr_" + subject).query(Long.class).single();
    }

    private Long position(long seq) {
        return jdbc.sql("SELECT position FROM audit_log WHERE event_seq = :s").param("s", seq).query(Long.class).optional().orElse(null);
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static Set<String> texts(List<JsonNode> nodes, String field) {
        Set<String> out = new HashSet<>();
        nodes.forEach(n -> out.add(n.path(field).asString()));
        return out;
    }
}
