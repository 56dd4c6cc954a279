package io.opsdeck.dashboard;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's interval arithmetic: parsing "1m"/"30s"/"1h30m", rounding to its table of nice intervals
 * (rangeutil roundInterval) and printing like secondsToHms ("15s", "2m", "1h").
 */
public final class Intervals {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w|M|y)");
    // upper bound (exclusive, ms) -> nice interval (ms), from Grafana's roundInterval
    private static final long[][] TABLE = {
        {15, 10}, {35, 20}, {75, 50}, {150, 100}, {350, 200}, {750, 500}, {1500, 1000}, {3500, 2000},
        {7500, 5000}, {12500, 10000}, {17500, 15000}, {25000, 20000}, {45000, 30000}, {90000, 60000},
        {210000, 120000}, {450000, 300000}, {750000, 600000}, {1050000, 900000}, {1500000, 1200000},
        {2700000, 1800000}, {5400000, 3600000}, {9000000, 7200000}, {16200000, 10800000}, {32400000, 21600000},
        {86400000, 43200000}, {172800000, 86400000}, {604800000, 86400000}, {1814400000, 604800000},
        {3628800000L, 2592000000L},
    };

    private Intervals() {
    }

    /** Parses "15s", "1m", "1h30m", "500ms", a bare number of seconds; throws on anything else. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty interval");
        }
        String t = text.strip();
        if (t.startsWith(">")) {
            t = t.substring(1);
        }
        if (t.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        }
        Matcher m = PART.matcher(t);
        int pos = 0;
        double ms = 0;
        while (m.find()) {
            if (m.start() != pos) {
                throw new IllegalArgumentException("not an interval: '" + text + "'");
            }
            pos = m.end();
            ms += Double.parseDouble(m.group(1)) * unitMs(m.group(2));
        }
        if (pos != t.length() || pos == 0) {
            throw new IllegalArgumentException("not an interval: '" + text + "'");
        }
        return Duration.ofMillis(Math.round(ms));
    }

    /** Like {@link #parse} but null for empty or unparsable text (e.g. an unresolved variable). */
    public static Duration parseOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double unitMs(String unit) {
        return switch (unit) {
            case "ms" -> 1;
            case "s" -> 1000;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            case "w" -> 604_800_000;
            case "M" -> 2_592_000_000.0;
            default -> 31_536_000_000.0;
        };
    }

    /** Grafana's roundInterval: the nice interval for a raw interval in milliseconds. */
    public static long roundMs(long ms) {
        for (long[] row : TABLE) {
            if (ms < row[0]) {
                return row[1];
            }
        }
        return 31_536_000_000L;
    }

    /** Grafana's secondsToHms: the largest whole unit, e.g. 90s -> "1m", 0.5s -> "500ms". */
    public static String format(Duration d) {
        double seconds = d.toMillis() / 1000.0;
        long years = (long) Math.floor(seconds / 31536000);
        if (years > 0) {
            return years + "y";
        }
        long days = (long) Math.floor((seconds % 31536000) / 86400);
        if (days > 0) {
            return days + "d";
        }
        long hours = (long) Math.floor((seconds % 31536000 % 86400) / 3600);
        if (hours > 0) {
            return hours + "h";
        }
        long minutes = (long) Math.floor((seconds % 31536000 % 86400 % 3600) / 60);
        if (minutes > 0) {
            return minutes + "m";
        }
        long secs = (long) Math.floor(seconds % 31536000 % 86400 % 3600 % 60);
        if (secs > 0) {
            return secs + "s";
        }
        long millis = (long) Math.floor(seconds * 1000.0);
        if (millis > 0) {
            return millis + "ms";
        }
        return "0ms";
    }

    /**
     * Grafana's calculateInterval: range / resolution rounded to a nice interval, at least {@code lowLimit}.
     *
     * @param range      length of the time range
     * @param resolution max data points (the panel width in pixels)
     * @param lowLimit   minimum interval, null for none
     */
    public static Duration calculate(Duration range, int resolution, Duration lowLimit) {
        long ms = roundMs(range.toMillis() / Math.max(1, resolution));
        long low = lowLimit == null ? 1 : lowLimit.toMillis();
        return Duration.ofMillis(Math.max(ms, low));
    }
}
