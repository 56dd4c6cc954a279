package io.opsdeck.dashboard.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdeck.dashboard.DashboardException;
import io.opsdeck.dashboard.FieldConfig;
import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.FieldOverride;
import io.opsdeck.dashboard.GrafanaColors;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.Target;
import io.opsdeck.dashboard.Thresholds;
import io.opsdeck.dashboard.ValueMapping;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one {@code - <type>: {...}} panel entry of an OpsDeck YAML dashboard. */
final class YamlPanelReader {

    static final Set<String> KEYS = Set.of("title", "description", "expr", "legend", "instant", "interval", "queries",
            "unit", "decimals", "min", "max", "thresholds", "thresholds_mode", "mappings", "width", "height", "reduce",
            "graph", "content", "stack", "fill", "options", "repeat", "color_mode", "filter", "max_per_row");
    private static final Set<String> QUERY_KEYS = Set.of("expr", "legend", "instant", "interval", "ref", "thresholds");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private YamlPanelReader() {
    }

    @SuppressWarnings("unchecked")
    static Panel read(String type, JsonNode p, int id, GridPos pos, String where) {
        checkKeys(p, KEYS, where);
        List<Target> targets = new ArrayList<>();
        List<FieldOverride> overrides = new ArrayList<>();
        if (p.has("expr")) {
            targets.add(new Target("A", p.get("expr").asText(), text(p, "legend"), p.path("instant").asBoolean(false),
                    text(p, "interval"), null, false));
        }
        int i = 0;
        for (JsonNode q : p.path("queries")) {
            checkKeys(q, QUERY_KEYS, where + ".queries[" + i + "]");
            String ref = q.has("ref") ? q.get("ref").asText() : String.valueOf((char) ('A' + targets.size()));
            targets.add(new Target(ref, text(q, "expr"), text(q, "legend"), q.path("instant").asBoolean(false),
                    text(q, "interval"), null, false));
            if (q.has("thresholds")) {
                // this query's own colours (e.g. a count of critical alerts red, of warnings orange), as Grafana's
                // override by query: one panel-wide scale cannot say which count is the bad one
                overrides.add(new FieldOverride(new FieldOverride.Matcher("byFrameRefID", ref),
                        List.of(new FieldOverride.Property("thresholds",
                                thresholds(q.get("thresholds"), text(p, "thresholds_mode"), where + ".queries[" + i + "]")))));
            }
            i++;
        }
        FieldDefaults defaults = FieldDefaults.EMPTY.withUnit(text(p, "unit"))
                .withDecimals(p.has("decimals") ? p.get("decimals").asInt() : null)
                .withMinMax(p.has("min") ? p.get("min").asDouble() : null, p.has("max") ? p.get("max").asDouble() : null)
                .withThresholds(p.has("thresholds") ? thresholds(p.get("thresholds"), text(p, "thresholds_mode"), where) : null)
                .withMappings(mappings(p.get("mappings")));
        Map<String, Object> custom = new LinkedHashMap<>();
        if (p.path("stack").asBoolean(false)) {
            custom.put("stacking", Map.of("mode", "normal", "group", "A"));
        }
        if (p.has("fill")) {
            custom.put("fillOpacity", p.get("fill").asInt());
        }
        defaults = defaults.withCustom(custom);
        Map<String, Object> options = new LinkedHashMap<>();
        if (p.has("options")) {
            options.putAll(MAPPER.convertValue(p.get("options"), Map.class));
        }
        if (p.has("reduce")) {
            options.put("reduceOptions", Map.of("calcs", List.of(p.get("reduce").asText()), "values", false));
        }
        if (p.has("graph")) {
            options.put("graphMode", p.get("graph").asText());
        }
        if (p.has("color_mode")) {
            options.put("colorMode", p.get("color_mode").asText());
        }
        if (p.has("content")) {
            options.put("content", p.get("content").asText());
            options.put("mode", "markdown");
        }
        if (p.has("filter")) {
            options.put("filter", MAPPER.convertValue(p.get("filter"), Object.class));
        }
        if (!Panel.TYPES.contains(type)) {
            throw new DashboardException(where + ": unknown panel type '" + type + "' (use one of "
                    + String.join(", ", Panel.TYPES.stream().sorted().toList()) + ")");
        }
        io.opsdeck.dashboard.Repeat repeat = p.has("repeat")
                ? new io.opsdeck.dashboard.Repeat(p.get("repeat").asText(), 'h', p.path("max_per_row").asInt(0)) : null;
        return new Panel(id, type, text(p, "title"), text(p, "description"), pos, null, targets,
                new FieldConfig(defaults, overrides), options, List.of(), repeat, text(p, "interval"), 0);
    }

    /** {@code [green, 70 orange, 90 red]}: the base colour, then "value colour" steps. */
    private static Thresholds thresholds(JsonNode t, String modeName, String where) {
        List<Thresholds.Step> steps = new ArrayList<>();
        for (JsonNode s : t) {
            String[] parts = s.asText().strip().split("\\s+");
            try {
                steps.add(parts.length == 1 ? new Thresholds.Step(Double.NEGATIVE_INFINITY, parts[0])
                        : new Thresholds.Step(Double.parseDouble(parts[0]), parts[1]));
            } catch (NumberFormatException e) {
                throw new DashboardException(where + ".thresholds: '" + s.asText()
                        + "' is not 'colour' or 'value colour'");
            }
        }
        Thresholds.Mode mode = "percentage".equals(modeName)
                ? Thresholds.Mode.PERCENTAGE : Thresholds.Mode.ABSOLUTE;
        return new Thresholds(mode, steps);
    }

    /** {@code {0: DOWN, 1: UP, null: "no data"}}; a text "UP green" also sets the colour. */
    private static List<ValueMapping> mappings(JsonNode m) {
        List<ValueMapping> out = new ArrayList<>();
        if (m == null) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = m.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] textColor = e.getValue().asText().split("\\s+(?=\\S+$)", 2);
            String text = textColor.length == 2 && isColor(textColor[1]) ? textColor[0] : e.getValue().asText();
            String color = textColor.length == 2 && isColor(textColor[1]) ? textColor[1] : null;
            ValueMapping.Result r = new ValueMapping.Result(text, color);
            switch (e.getKey()) {
                case "null", "~" -> out.add(new ValueMapping.SpecialMap("null+nan", r));
                default -> out.add(new ValueMapping.ValueMap(e.getKey(), r));
            }
        }
        return out;
    }

    private static boolean isColor(String s) {
        return s.startsWith("#") || GrafanaColors.isNamed(s) || Set.of("grey", "gray").contains(s);
    }

    static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        if (node == null || !node.isObject()) {
            throw new DashboardException(where + ": expected a mapping");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw new DashboardException(where + ": unknown key '" + n + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
