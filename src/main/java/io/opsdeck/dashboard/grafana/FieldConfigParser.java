package io.opsdeck.dashboard.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.dashboard.FieldConfig;
import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.FieldOverride;
import io.opsdeck.dashboard.Thresholds;
import io.opsdeck.dashboard.ValueMapping;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads Grafana 7+ {@code fieldConfig} (and the older mapping forms some exports still carry). */
final class FieldConfigParser {

    private FieldConfigParser() {
    }

    static FieldConfig parse(JsonNode fieldConfig) {
        if (fieldConfig == null || !fieldConfig.isObject()) {
            return FieldConfig.EMPTY;
        }
        JsonNode d = fieldConfig.path("defaults");
        Double min = JsonNodes.number(d, "min");
        Double max = JsonNodes.number(d, "max");
        Integer decimals = JsonNodes.number(d, "decimals") == null ? null : JsonNodes.integer(d, "decimals", 0);
        FieldDefaults defaults = new FieldDefaults(JsonNodes.text(d, "unit", ""), decimals, min, max,
                thresholds(d.get("thresholds")), mappings(d.get("mappings")), JsonNodes.text(d, "displayName", ""),
                JsonNodes.plainMap(d.get("color")), JsonNodes.plainMap(d.get("custom")));
        List<FieldOverride> overrides = new ArrayList<>();
        for (JsonNode o : JsonNodes.array(fieldConfig, "overrides")) {
            overrides.add(override(o));
        }
        return new FieldConfig(defaults, overrides);
    }

    static Thresholds thresholds(JsonNode t) {
        if (t == null || !t.isObject()) {
            return null;
        }
        Thresholds.Mode mode = "percentage".equals(JsonNodes.text(t, "mode", "absolute"))
                ? Thresholds.Mode.PERCENTAGE : Thresholds.Mode.ABSOLUTE;
        List<Thresholds.Step> steps = new ArrayList<>();
        for (JsonNode s : JsonNodes.array(t, "steps")) {
            Double v = JsonNodes.number(s, "value");
            steps.add(new Thresholds.Step(v == null ? Double.NEGATIVE_INFINITY : v, JsonNodes.text(s, "color", "green")));
        }
        return new Thresholds(mode, steps);
    }

    static List<ValueMapping> mappings(JsonNode m) {
        List<ValueMapping> out = new ArrayList<>();
        if (m == null || !m.isArray()) {
            return out;
        }
        for (JsonNode e : m) {
            JsonNode type = e.get("type");
            JsonNode options = e.get("options");
            if (type != null && type.isTextual() && options != null) {
                switch (type.asText()) {
                    case "value" -> {
                        Iterator<Map.Entry<String, JsonNode>> it = options.fields();
                        while (it.hasNext()) {
                            Map.Entry<String, JsonNode> f = it.next();
                            out.add(new ValueMapping.ValueMap(f.getKey(), result(f.getValue())));
                        }
                    }
                    case "range" -> out.add(new ValueMapping.RangeMap(JsonNodes.number(options, "from"),
                            JsonNodes.number(options, "to"), result(options.get("result"))));
                    case "special" -> out.add(new ValueMapping.SpecialMap(JsonNodes.text(options, "match", "null"),
                            result(options.get("result"))));
                    default -> { }
                }
            } else {
                // Grafana 7 form: {type: 1, value, text} or {type: 2, from, to, text}
                int legacyType = JsonNodes.integer(e, "type", 1);
                ValueMapping.Result r = new ValueMapping.Result(JsonNodes.text(e, "text", ""), null);
                if (legacyType == 2) {
                    out.add(new ValueMapping.RangeMap(JsonNodes.number(e, "from"), JsonNodes.number(e, "to"), r));
                } else {
                    String value = JsonNodes.text(e, "value", "");
                    out.add(value.equals("null") ? new ValueMapping.SpecialMap("null", r)
                            : new ValueMapping.ValueMap(value, r));
                }
            }
        }
        return out;
    }

    private static ValueMapping.Result result(JsonNode r) {
        if (r == null) {
            return new ValueMapping.Result(null, null);
        }
        return new ValueMapping.Result(JsonNodes.text(r, "text", null), JsonNodes.text(r, "color", null));
    }

    private static FieldOverride override(JsonNode o) {
        JsonNode m = o.path("matcher");
        String id = JsonNodes.text(m, "id", "");
        JsonNode options = m.get("options");
        FieldOverride.Matcher matcher;
        if ("byNames".equals(id) && options != null && options.isObject()) {
            matcher = new FieldOverride.Matcher(id, JsonNodes.strings(options.get("names")),
                    "exclude".equals(JsonNodes.text(options, "mode", "include")));
        } else {
            matcher = new FieldOverride.Matcher(id, JsonNodes.strings(options), false);
        }
        List<FieldOverride.Property> props = new ArrayList<>();
        for (JsonNode p : JsonNodes.array(o, "properties")) {
            String pid = JsonNodes.text(p, "id", "");
            Object value = switch (pid) {
                case "thresholds" -> thresholds(p.get("value"));
                case "mappings" -> mappings(p.get("value"));
                default -> JsonNodes.plain(p.get("value"));
            };
            props.add(new FieldOverride.Property(pid, value));
        }
        return new FieldOverride(matcher, props);
    }
}
