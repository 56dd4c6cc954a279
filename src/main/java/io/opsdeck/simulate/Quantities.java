package io.opsdeck.simulate;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human quantities used in fault parameters and scenarios: {@code 90s}, {@code 1h30m}, {@code 10Mi}. */
public final class Quantities {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kKMGT]i?)?B?");

    private Quantities() {
    }

    /** Parses Prometheus-style durations ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}). */
    public static Duration duration(String text) {
        String s = text == null ? "" : text.trim();
        Matcher m = DURATION_PART.matcher(s);
        double seconds = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double n = Double.parseDouble(m.group(1));
            seconds += n * switch (m.group(2)) {
                case "ms" -> 0.001;
                case "s" -> 1;
                case "m" -> 60;
                case "h" -> 3600;
                default -> 86_400;
            };
            end = m.end();
        }
        if (s.isEmpty() || end != s.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 30s, 5m, 1h30m)");
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** Parses a byte count: a plain number, or with a unit {@code k M G T} (powers of 1000) or {@code Ki Mi Gi Ti}. */
    public static double bytes(String text) {
        Matcher m = BYTES.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a byte count (examples: 1048576, 50Mi, 2G)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            return n;
        }
        int power = "kMGT".indexOf(Character.toUpperCase(unit.charAt(0)) == 'K' ? 'k' : unit.charAt(0)) + 1;
        double base = unit.endsWith("i") ? 1024 : 1000;
        return n * Math.pow(base, power);
    }

    /** Parses a plain number, naming the parameter when it is not one. */
    public static double number(String name, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("parameter " + name + "='" + text + "' is not a number");
        }
    }
}
