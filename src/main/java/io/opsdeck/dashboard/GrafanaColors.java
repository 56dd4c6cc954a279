package io.opsdeck.dashboard;

import java.util.Map;
import java.util.Set;

/**
 * Grafana's named colours (theme.visualization hues of the dark theme, plus its special names), so a threshold,
 * mapping or fixed colour from a Grafana dashboard resolves to the colour Grafana draws. Lookup is by exact name,
 * as Grafana's getColorByName: "dark-red" is Grafana's #C4162A, while "Red" is not a Grafana name and falls through
 * to the CSS colour red (#FF0000).
 *
 * <pre>{@code
 * GrafanaColors.hex("semi-dark-orange");   // "#FF780A"
 * GrafanaColors.hex("#d44a3a");            // null: not a name, use the string as a CSS colour
 * }</pre>
 */
public final class GrafanaColors {

    private static final Map<String, String> HEX = Map.ofEntries(
            Map.entry("super-light-red", "#FFA6B0"), Map.entry("light-red", "#FF7383"), Map.entry("red", "#F2495C"),
            Map.entry("semi-dark-red", "#E02F44"), Map.entry("dark-red", "#C4162A"),
            Map.entry("super-light-orange", "#FFCB7D"), Map.entry("light-orange", "#FFB357"),
            Map.entry("orange", "#FF9830"), Map.entry("semi-dark-orange", "#FF780A"),
            Map.entry("dark-orange", "#FA6400"),
            Map.entry("super-light-yellow", "#FFF899"), Map.entry("light-yellow", "#FFEE52"),
            Map.entry("yellow", "#FADE2A"), Map.entry("semi-dark-yellow", "#F2CC0C"),
            Map.entry("dark-yellow", "#E0B400"),
            Map.entry("super-light-green", "#C8F2C2"), Map.entry("light-green", "#96D98D"),
            Map.entry("green", "#73BF69"), Map.entry("semi-dark-green", "#56A64B"), Map.entry("dark-green", "#37872D"),
            Map.entry("super-light-blue", "#C0D8FF"), Map.entry("light-blue", "#8AB8FF"), Map.entry("blue", "#5794F2"),
            Map.entry("semi-dark-blue", "#3274D9"), Map.entry("dark-blue", "#1F60C4"),
            Map.entry("super-light-purple", "#DEB6F2"), Map.entry("light-purple", "#CA95E5"),
            Map.entry("purple", "#B877D9"), Map.entry("semi-dark-purple", "#A352CC"),
            Map.entry("dark-purple", "#8F3BB8"),
            // special names of the dark theme
            Map.entry("text", "#CCCCDC"), Map.entry("panel-bg", "#181B1F"), Map.entry("transparent", "#00000000"));

    private GrafanaColors() {
    }

    /** The hex colour of a Grafana colour name (exact, case-sensitive); null when {@code name} is not one. */
    public static String hex(String name) {
        return name == null ? null : HEX.get(name);
    }

    /** True for one of Grafana's colour names. */
    public static boolean isNamed(String name) {
        return name != null && HEX.containsKey(name);
    }

    /** Every Grafana colour name. */
    public static Set<String> names() {
        return HEX.keySet();
    }
}
