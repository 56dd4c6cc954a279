package io.opsdeck.dashboard.frame;

import io.opsdeck.dashboard.FieldConfig;
import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.FieldOverride;
import io.opsdeck.dashboard.Thresholds;
import io.opsdeck.dashboard.ValueMapping;
import io.opsdeck.dashboard.units.FormattedValue;
import io.opsdeck.dashboard.units.ValueFormats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies a panel's field config to series: overrides by name, names, regex and query refId (later overrides win),
 * then value mappings, unit formatting and threshold colours, as Grafana's display processor does.
 *
 * <pre>{@code
 * FieldDefaults f = FieldDisplay.effective(panel.fieldConfig(), series);
 * FieldDisplay.Display d = FieldDisplay.display(f, 0.93);   // text "93.0%", colour "red"
 * }</pre>
 */
public final class FieldDisplay {

    /**
     * A value ready to draw.
     *
     * @param text  mapped or formatted value including unit
     * @param color threshold or mapping colour, null when neither applies
     */
    public record Display(String text, String color) {
    }

    /**
     * The range percentage thresholds are relative to when the field sets no min/max: Grafana's default is the
     * smallest and largest value of every numeric field of the panel's data ({@link #dataRange(Frame)}).
     *
     * @param min smallest value, NaN when unknown
     * @param max largest value, NaN when unknown
     */
    public record Range(double min, double max) {
        /** Nothing known: Grafana falls back to 0..100. */
        public static final Range UNKNOWN = new Range(Double.NaN, Double.NaN);
    }

    private FieldDisplay() {
    }

    /** Smallest and largest non-NaN, finite value over all series of {@code frame}. */
    public static Range dataRange(Frame frame) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : frame.series()) {
            for (double v : s.values()) {
                if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min > max ? Range.UNKNOWN : new Range(min, max);
    }

    /** True when an override's matcher selects the series. */
    public static boolean matches(FieldOverride.Matcher m, Series s) {
        return switch (m.id()) {
            case "byName" -> m.options().contains(s.name());
            case "byNames" -> m.exclude() != m.options().contains(s.name());
            case "byRegexp" -> !m.options().isEmpty() && jsRegex(m.options().get(0)).matcher(s.name()).find();
            case "byFrameRefID" -> m.options().contains(s.refId());
            default -> false;
        };
    }

    /** Grafana's stringToJsRegex: "/re/i" or a bare pattern. */
    static Pattern jsRegex(String text) {
        if (text.length() > 1 && text.startsWith("/") && text.lastIndexOf('/') > 0) {
            int end = text.lastIndexOf('/');
            String flags = text.substring(end + 1);
            return Pattern.compile(text.substring(1, end), flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0);
        }
        return Pattern.compile(text);
    }

    /** The defaults with every matching override applied. */
    @SuppressWarnings("unchecked")
    public static FieldDefaults effective(FieldConfig config, Series s) {
        FieldDefaults f = config.defaults();
        for (FieldOverride o : config.overrides()) {
            if (!matches(o.matcher(), s)) {
                continue;
            }
            for (FieldOverride.Property p : o.properties()) {
                Object v = p.value();
                switch (p.id()) {
                    case "unit" -> f = f.withUnit(v == null ? "" : v.toString());
                    case "decimals" -> f = f.withDecimals(v instanceof Number n ? n.intValue() : null);
                    case "min" -> f = f.withMinMax(v instanceof Number n ? n.doubleValue() : null, f.max());
                    case "max" -> f = f.withMinMax(f.min(), v instanceof Number n ? n.doubleValue() : null);
                    case "thresholds" -> f = f.withThresholds(v instanceof Thresholds t ? t : null);
                    case "mappings" -> f = f.withMappings(v instanceof List<?> l ? (List<ValueMapping>) l : List.of());
                    case "displayName" -> f = f.withDisplayName(v == null ? "" : v.toString());
                    case "color" -> f = f.withColor(v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
                    default -> {
                        if (p.id().startsWith("custom.")) {
                            Map<String, Object> custom = new LinkedHashMap<>(f.custom());
                            if (v == null) {
                                custom.remove(p.id().substring(7));
                            } else {
                                custom.put(p.id().substring(7), v);
                            }
                            f = f.withCustom(custom);
                        }
                    }
                }
            }
        }
        return f;
    }

    /** Maps, formats and colours one value; percentage thresholds use the field's min/max, else 0..100. */
    public static Display display(FieldDefaults f, double value) {
        return display(f, value, Range.UNKNOWN);
    }

    /**
     * Maps, formats and colours one value. Percentage thresholds are relative to the field's min and max, each
     * taken from the field config when set, else from {@code data} (the panel's data range), else 0 and 100, as
     * Grafana's scale calculator does.
     */
    public static Display display(FieldDefaults f, double value, Range data) {
        String mappedText = null;
        String mappedColor = null;
        for (ValueMapping m : f.mappings()) {
            ValueMapping.Result r = m.apply(value);
            if (r != null) {
                mappedText = r.text();
                mappedColor = r.color();
                break;
            }
        }
        String text = mappedText != null && !mappedText.isEmpty() ? mappedText
                : Double.isNaN(value) ? "No data" : format(f, value).toString();
        String color = mappedColor;
        if (color == null && !Double.isNaN(value)) {
            Object fixed = f.color().get("fixedColor");
            if ("fixed".equals(f.color().get("mode")) && fixed != null) {
                color = fixed.toString();
            } else {
                Thresholds t = f.thresholds() != null ? f.thresholds() : null;
                color = t == null ? null : t.colorFor(value, min(f, data), max(f, data));
            }
        }
        return new Display(text, color);
    }

    /** The field's minimum for percentage thresholds: config, else the data's, else 0. */
    public static double min(FieldDefaults f, Range data) {
        return f.min() != null ? f.min() : Double.isNaN(data.min()) ? 0 : data.min();
    }

    /** The field's maximum for percentage thresholds: config, else the data's, else 100. */
    public static double max(FieldDefaults f, Range data) {
        return f.max() != null ? f.max() : Double.isNaN(data.max()) ? 100 : data.max();
    }

    /** Unit formatting only. */
    public static FormattedValue format(FieldDefaults f, double value) {
        return ValueFormats.format(f.unit(), value, f.decimals());
    }
}
