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

    private FieldDisplay() {
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

    /** Maps, formats and colours one value. */
    public static Display display(FieldDefaults f, double value) {
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
                color = t == null ? null : t.colorFor(value, f.min() == null ? 0 : f.min(),
                        f.max() == null ? 100 : f.max());
            }
        }
        return new Display(text, color);
    }

    /** Unit formatting only. */
    public static FormattedValue format(FieldDefaults f, double value) {
        return ValueFormats.format(f.unit(), value, f.decimals());
    }
}
