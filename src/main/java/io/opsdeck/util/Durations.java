package io.opsdeck.util;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus-style durations: {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}, {@code 1w}, {@code 500ms}. */
public final class Durations {

    private static final Pattern FORMAT = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final Duration[] UNITS = {
        Duration.ofDays(365), Duration.ofDays(7), Duration.ofDays(1), Duration.ofHours(1),
        Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofMillis(1)
    };

    private Durations() {
    }

    /** Parses a duration; empty for anything else, including plain numbers other than {@code 0}. */
    public static Optional<Duration> parse(String text) {
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher m = FORMAT.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        try {
            for (int i = 0; i < UNITS.length; i++) {
                if (m.group(i + 1) != null) {
                    total = total.plus(UNITS[i].multipliedBy(Long.parseLong(m.group(i + 1))));
                }
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(total);
    }

    /** Formats back into the shortest Prometheus form, e.g. {@code 1h30m}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        String[] names = {"y", "w", "d", "h", "m", "s", "ms"};
        StringBuilder b = new StringBuilder();
        Duration left = d;
        for (int i = 0; i < UNITS.length; i++) {
            long n = left.dividedBy(UNITS[i]);
            if (n > 0) {
                b.append(n).append(names[i]);
                left = left.minus(UNITS[i].multipliedBy(n));
            }
        }
        return b.toString();
    }
}
