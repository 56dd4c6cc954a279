package io.opsdeck.cli;

import io.opsdeck.util.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses times and durations on the command line the way Prometheus writes them (1h30m, RFC 3339, Unix seconds). */
final class TimeArgs {


    private TimeArgs() {
    }

    /** A PromQL duration: one or more number+unit pairs, units y w d h m s ms. */
    static Duration duration(String text, String option) {
        return Durations.parse(text.strip()).filter(d -> !d.isZero()).orElseThrow(() ->
                new IllegalArgumentException(option + " '" + text + "' is not a duration like 30s, 5m, 1h30m or 7d"));
    }

    /** RFC 3339 (2026-01-02T03:04:05Z) or Unix seconds with an optional fraction. */
    static Instant instant(String text, String option) {
        String t = text.strip();
        try {
            if (t.matches("\\d+(\\.\\d+)?")) {
                return Instant.ofEpochMilli(new BigDecimal(t).movePointRight(3).longValue());
            }
            return Instant.parse(t);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " '" + text
                    + "' is not a time: use RFC 3339 (2026-01-02T03:04:05Z) or Unix seconds");
        }
    }
}
