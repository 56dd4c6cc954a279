package io.opsdeck.ui.panels;

import java.util.Locale;
import java.util.Map;
import javafx.scene.paint.Color;

/** Grafana colour names to JavaFX colours, the series palette and readable text colours. */
public final class Palette {

    /** Grafana's classic series colours, which stay distinct on dark and light backgrounds. */
    private static final Color[] SERIES = {
        Color.web("#7EB26D"), Color.web("#EAB839"), Color.web("#6ED0E0"), Color.web("#EF843C"), Color.web("#E24D42"),
        Color.web("#1F78C1"), Color.web("#BA43A9"), Color.web("#705DA0"), Color.web("#508642"), Color.web("#CCA300"),
        Color.web("#447EBC"), Color.web("#C15C17"), Color.web("#890F02"), Color.web("#0A437C"), Color.web("#6D1F62"),
        Color.web("#584477"), Color.web("#B7DBAB"), Color.web("#F4D598"), Color.web("#70DBED"), Color.web("#F9BA8F")};

    private static final Map<String, Color> NAMED = Map.ofEntries(
            Map.entry("green", Color.web("#73BF69")), Map.entry("dark-green", Color.web("#37872D")),
            Map.entry("semi-dark-green", Color.web("#56A64B")), Map.entry("light-green", Color.web("#96D98D")),
            Map.entry("red", Color.web("#F2495C")), Map.entry("dark-red", Color.web("#C4162A")),
            Map.entry("semi-dark-red", Color.web("#E02F44")), Map.entry("light-red", Color.web("#FF7383")),
            Map.entry("orange", Color.web("#FF9830")), Map.entry("dark-orange", Color.web("#FA6400")),
            Map.entry("semi-dark-orange", Color.web("#FF780A")), Map.entry("light-orange", Color.web("#FFB357")),
            Map.entry("yellow", Color.web("#FADE2A")), Map.entry("dark-yellow", Color.web("#E0B400")),
            Map.entry("semi-dark-yellow", Color.web("#F2CC0C")), Map.entry("light-yellow", Color.web("#FFEE52")),
            Map.entry("blue", Color.web("#5794F2")), Map.entry("dark-blue", Color.web("#1F60C4")),
            Map.entry("semi-dark-blue", Color.web("#3274D9")), Map.entry("light-blue", Color.web("#8AB8FF")),
            Map.entry("purple", Color.web("#B877D9")), Map.entry("dark-purple", Color.web("#8F3BB8")),
            Map.entry("text", Color.web("#D8D9DA")), Map.entry("transparent", Color.TRANSPARENT));

    /** Neutral grey for "no colour" (no thresholds, no data). */
    public static final Color NEUTRAL = Color.web("#8E8E8E");

    private Palette() {
    }

    /** The i-th series colour, cycling. */
    public static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /** A Grafana colour name or #hex/rgb(); {@code fallback} when null or unknown. */
    public static Color named(String name, Color fallback) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        Color c = NAMED.get(name.toLowerCase(Locale.ROOT));
        if (c != null) {
            return c;
        }
        try {
            return Color.web(name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double l = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return l > 0.55 ? Color.web("#111217") : Color.WHITE;
    }

    /**
     * How bad a threshold colour is, 0 (fine) .. 3 (critical), so states differ by more than hue: the panels use
     * it to pick a shape and a font weight.
     */
    public static int badness(String name) {
        if (name == null) {
            return 0;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("red")) {
            return 3;
        }
        if (n.contains("orange")) {
            return 2;
        }
        if (n.contains("yellow")) {
            return 1;
        }
        return 0;
    }

    /** The shape glyph for a badness level: a circle, a triangle, a diamond, a square with an exclamation mark. */
    public static String glyph(int badness) {
        return switch (badness) {
            case 3 -> "\u2716";   // heavy X
            case 2 -> "\u25B2";   // triangle
            case 1 -> "\u25C6";   // diamond
            default -> "\u25CF";  // circle
        };
    }
}
