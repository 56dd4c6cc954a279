package io.opsdeck.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses times and durations on the command line the way Prometheus writes them (1h30m, RFC 3339, Unix seconds). */
final class TimeArgs {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|y|w|d|h|m|s)");

    private TimeArgs() {
    }

    /** A PromQL duration: one or more number+unit pairs, units y w d h m s ms. */
    static Duration duration(String text, String option) {
        Matcher m = DURATION.matcher(text.strip());
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                case "w" -> Duration.ofDays(7 * n);
                default -> Duration.ofDays(365 * n);
            });
            end = m.end();
        }
        if (end == 0 || end != text.strip().length() || total.isZero()) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a duration like 30s, 5m, 1h30m or 7d");
        }
        return total;
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
