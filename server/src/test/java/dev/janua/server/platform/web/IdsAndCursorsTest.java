package dev.janua.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.platform.errors.JanuaException;
import dev.janua.server.platform.ids.IdGenerator;
import dev.janua.server.platform.pagination.Cursors;
import dev.janua.server.platform.pagination.Page;
import dev.janua.server.platform.pagination.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsAndCursorsTest {

    @Test
    void idsArePrefixedUniqueAndSortByCreationTime() {
        IdGenerator early = new IdGenerator(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        IdGenerator late = new IdGenerator(Clock.fixed(Instant.parse("2025-01-01T00:00:00.001Z"), ZoneOffset.UTC));
        String a = early.next("usr");
        String b = late.next("usr");
        assertThat(a).matches("usr_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(a.compareTo(b)).isNegative();
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) assertThat(seen.add(early.next("x"))).isTrue();
    }

    @Test
    void cursorsRoundTripAndGarbageIsAClientError() {
        assertThat(Cursors.decode(Cursors.encode("usr_01ABC"))).isEqualTo("usr_01ABC");
        assertThatThrownBy(() -> Cursors.decode("!!!not base64!!!")).isInstanceOf(JanuaException.class);
    }

    @Test
    void pageRequestsValidateLimitsAndPages() {
        assertThat(PageRequest.of(null, null, null).limit()).isEqualTo(50);
        assertThat(PageRequest.of(100, null, null).limit()).isEqualTo(100);
        assertThatThrownBy(() -> PageRequest.of(101, null, null)).isInstanceOf(JanuaException.class);
        assertThatThrownBy(() -> PageRequest.of(0, null, null)).isInstanceOf(JanuaException.class);
        assertThat(PageRequest.of(20, null, 3).offset()).isEqualTo(40);
    }

    @Test
    void pagesFromLimitPlusOneRowsKnowWhetherMoreExist() {
        PageRequest req = PageRequest.of(2, null, null);
        Page<String> more = Page.fromRows(new ArrayList<>(List.of("a", "b", "c")), req, s -> s, 3L);
        assertThat(more.data()).containsExactly("a", "b");
        assertThat(more.pagination().hasMore()).isTrue();
        assertThat(Cursors.decode(more.pagination().nextCursor())).isEqualTo("b");
        Page<String> last = Page.fromRows(List.of("c"), req, s -> s, 3L);
        assertThat(last.pagination().hasMore()).isFalse();
        assertThat(last.pagination().nextCursor()).isNull();
    }
}
