package dev.janua.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pieces of the transport that need no server. */
class TransportTest {

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-01-15T10:30:18Z");
        assertEquals(Duration.ofSeconds(42), ErrorMapper.retryAfter(headers("Retry-After", "42"), now));
        assertEquals(Duration.ofSeconds(42), ErrorMapper.retryAfter(headers("Retry-After", "Thu, 15 Jan 2026 10:31:00 GMT"), now));
        assertEquals(Duration.ZERO, ErrorMapper.retryAfter(headers("Retry-After", "Thu, 15 Jan 2026 10:00:00 GMT"), now));
        assertNull(ErrorMapper.retryAfter(headers("Retry-After", "soon"), now));
    }

    @Test
    void backoffIsJitteredAndCapped() {
        for (int n = 1; n <= 12; n++) {
            Duration d = Transport.backoff(n);
            assertFalse(d.isNegative());
            assertTrue(d.compareTo(Duration.ofMillis(Math.min(8000, 500L << (n - 1)))) <= 0, n + ": " + d);
        }
    }

    @Test
    void queryStringsEncodeAndSkipNulls() {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("search", "a b&c");
        q.put("cursor", null);
        q.put("status", List.of("active", "suspended"));
        assertEquals("?search=a+b%26c&status=active&status=suspended", Transport.queryString(q));
        assertEquals("", Transport.queryString(Map.of()));
    }

    @Test
    void requestIdsHaveTheServersShape() {
        String id = Transport.newRequestId();
        assertTrue(id.matches("req_[0-9A-Z]{24}"), id);
    }

    @Test
    void aForeignErrorBodyMapsByStatus() {
        var e = new ErrorMapper(new ObjectMapper()).map(502, headers("X-Request-ID", "req_X"), "<html>bad gateway</html>".getBytes(),
                "req_SENT", Instant.now());
        assertTrue(e instanceof dev.janua.sdk.errors.ServerException);
        assertEquals("HTTP_502", e.code());
        assertEquals("req_X", e.requestId());
    }

    @Test
    void autoPagingWalksEveryPageLazily() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> fetched = new ArrayList<>();
        Page<Integer> first = page(json, fetched, 0);
        List<Integer> all = new ArrayList<>();
        first.autoPagingIterable().forEach(all::add);
        assertEquals(List.of(0, 1, 2, 3, 4, 5), all);
        assertEquals(List.of("c2", "c4"), fetched);
        assertNull(page(json, fetched, 4).nextPage(), "the last page has no next");
    }

    private static Page<Integer> page(ObjectMapper json, List<String> fetched, int start) {
        boolean more = start < 4;
        String body = "{\"data\":[" + start + "," + (start + 1) + "],\"pagination\":{\"limit\":2,\"hasMore\":" + more
                + ",\"nextCursor\":" + (more ? "\"c" + (start + 2) + "\"" : "null") + "}}";
        try {
            return new Page<>(json.readTree(body), n -> n.asInt(), cursor -> {
                fetched.add(cursor);
                return page(json, fetched, Integer.parseInt(cursor.substring(1)));
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void productionRefusesPlainHttpToOtherHosts() {
        assertThrows(IllegalArgumentException.class, () -> JanuaClient.builder().baseUrl("http://auth.example.com").environment("production").build());
        JanuaClient local = JanuaClient.builder().baseUrl("http://127.0.0.1:8000/").environment("production").build();
        assertEquals("http://127.0.0.1:8000/api/v1", local.apiBaseUrl());
        assertEquals("https://auth.example.com/v1", JanuaClient.builder().baseUrl("https://auth.example.com/v1").build().apiBaseUrl());
    }
}
