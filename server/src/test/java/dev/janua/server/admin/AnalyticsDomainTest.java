package dev.janua.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.janua.server.admin.domain.DeviceLabel;
import dev.janua.server.admin.domain.TimeBuckets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnalyticsDomainTest {
    @Test
    void bucketsStartAtUtcBoundariesAndWeeksOnMonday() {
        Instant t = Instant.parse("2026-01-15T10:31:12Z"); // a Thursday
        assertThat(TimeBuckets.HOUR.start(t)).isEqualTo(Instant.parse("2026-01-15T10:00:00Z"));
        assertThat(TimeBuckets.DAY.start(t)).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
        assertThat(TimeBuckets.WEEK.start(t)).isEqualTo(Instant.parse("2026-01-12T00:00:00Z"));
        assertThat(TimeBuckets.MONTH.start(t)).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(TimeBuckets.MONTH.label(TimeBuckets.MONTH.start(t))).isEqualTo("2026-01");
        assertThat(TimeBuckets.DAY.range(Instant.parse("2026-01-30T12:00:00Z"), Instant.parse("2026-02-02T00:00:00Z"), 100))
                .extracting(TimeBuckets.DAY::label).containsExactly("2026-01-30", "2026-01-31", "2026-02-01");
        assertThat(TimeBuckets.parse("weekly")).isEqualTo(TimeBuckets.WEEK);
        assertThatThrownBy(() -> TimeBuckets.parse("fortnight")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deviceLabelsNameBrowserAndSystem() {
        assertThat(DeviceLabel.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"))
                .isEqualTo("Chrome/Windows");
        assertThat(DeviceLabel.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1"))
                .isEqualTo("Safari/iOS");
        assertThat(DeviceLabel.of("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0")).isEqualTo("Firefox/Linux");
        assertThat(DeviceLabel.of(null)).isEqualTo("Unknown");
    }
}
