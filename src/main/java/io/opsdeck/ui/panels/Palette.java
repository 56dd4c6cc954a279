package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.GrafanaColors;
import javafx.scene.paint.Color;

/** Grafana colour names to JavaFX colours, the series palette and readable text colours. */
public final class Palette {

    /** Grafana's classic series colours, which stay distinct on dark and light backgrounds. */
    private static final Color[] SERIES = {
        Color.web("#7EB26D"), Color.web("#EAB839"), Color.web("#6ED0E0"), Color.web("#EF843C"), Color.web("#E24D42"),
        Color.web("#1F78C1"), Color.web("#BA43A9"), Color.web("#705DA0"), Color.web("#508642"), Color.web("#CCA300"),
        Color.web("#447EBC"), Color.web("#C15C17"), Color.web("#890F02"), Color.web("#0A437C"), Color.web("#6D1F62"),
        Color.web("#584477"), Color.web("#B7DBAB"), Color.web("#F4D598"), Color.web("#70DBED"), Color.web("#F9BA8F")};

    /** Neutral grey for "no colour" (no thresholds, no data). */
    public static final Color NEUTRAL = Color.web("#8E8E8E");

    private Palette() {
    }

    /** The i-th series colour, cycling. */
    public static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /**
     * A colour as Grafana's getColorByName resolves it: a Grafana name (exact: "dark-red", "semi-dark-orange"), else
     * a CSS colour ("#d44a3a", "rgba(237, 129, 40, 0.89)", "Red" = #FF0000); {@code fallback} when null or neither.
     */
    public static Color named(String name, Color fallback) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        String hex = GrafanaColors.hex(name);
        try {
            return Color.web(hex != null ? hex : name.strip());
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
        if (GrafanaColors.isNamed(name)) {
            return name.endsWith("red") ? 3 : name.endsWith("orange") ? 2 : name.endsWith("yellow") ? 1 : 0;
        }
        // hex, rgb() or CSS names (Grafana 6 singlestat's "#d44a3a", "rgba(237, 129, 40, 0.89)"): by hue
        Color c = named(name, null);
        if (c == null || c.getOpacity() < 0.1 || c.getSaturation() < 0.35 || c.getBrightness() < 0.35) {
            return 0;
        }
        double hue = c.getHue();
        return hue < 18 || hue >= 335 ? 3 : hue < 45 ? 2 : hue < 65 ? 1 : 0;
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
