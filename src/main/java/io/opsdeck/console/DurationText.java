package io.opsdeck.console;

import io.opsdeck.util.Durations;
import java.time.Duration;
import java.util.regex.Pattern;

/** Prometheus-style durations ("30s", "5m", "1h", "2d", "1h30m") both ways. */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private DurationText() {
    }

    /** Parses {@code text}; throws {@link IllegalArgumentException} naming the text when it is not a duration. */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.trim();
        return Durations.parse(t).orElseThrow(() ->
                new IllegalArgumentException("'" + t + "' is not a duration (expected e.g. 30s, 5m, 1h, 2d)"));
    }

    /** The shortest form: 90 s is "1m30s", 2 days "2d". */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        long[] units = {86_400, 3_600, 60, 1};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (s >= units[i]) {
                out.append(s / units[i]).append(names[i]);
                s %= units[i];
            }
        }
        return out.toString();
    }
}
