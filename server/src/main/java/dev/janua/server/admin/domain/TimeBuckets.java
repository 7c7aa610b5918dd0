package dev.janua.server.admin.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** UTC time buckets for analytics timelines: hour, day, week (ISO, from Monday) or month. */
public enum TimeBuckets {
    HOUR, DAY, WEEK, MONTH;

    public static TimeBuckets parse(String s) {
        if (s == null || s.isBlank()) return DAY;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "hour", "hourly" -> HOUR;
            case "day", "daily" -> DAY;
            case "week", "weekly" -> WEEK;
            case "month", "monthly" -> MONTH;
            default -> throw new IllegalArgumentException("granularity must be hour, day, week or month");
        };
    }

    public Instant start(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOUR -> z.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAY -> z.truncatedTo(ChronoUnit.DAYS).toInstant();
            case WEEK -> z.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
            case MONTH -> z.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
        };
    }

    public Instant next(Instant bucketStart) {
        ZonedDateTime z = bucketStart.atZone(ZoneOffset.UTC);
        return switch (this) {
            case HOUR -> z.plusHours(1).toInstant();
            case DAY -> z.plusDays(1).toInstant();
            case WEEK -> z.plusWeeks(1).toInstant();
            case MONTH -> z.plusMonths(1).toInstant();
        };
    }

    /** The label shown for a bucket: {@code 2024-01-15T10:00:00Z} for hours, {@code 2024-01-15} otherwise, {@code 2024-01} for months. */
    public String label(Instant bucketStart) {
        return switch (this) {
            case HOUR -> bucketStart.toString();
            case DAY, WEEK -> LocalDate.ofInstant(bucketStart, ZoneOffset.UTC).toString();
            case MONTH -> LocalDate.ofInstant(bucketStart, ZoneOffset.UTC).toString().substring(0, 7);
        };
    }

    /** Every bucket start from the one holding {@code from} up to {@code to} (exclusive); at most {@code max}. */
    public List<Instant> range(Instant from, Instant to, int max) {
        List<Instant> out = new ArrayList<>();
        for (Instant b = start(from); b.isBefore(to) && out.size() < max; b = next(b)) out.add(b);
        return out;
    }
}
