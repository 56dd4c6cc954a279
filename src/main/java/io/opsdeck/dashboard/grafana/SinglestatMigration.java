package io.opsdeck.dashboard.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Rewrites a legacy {@code singlestat} panel into {@code stat} (or {@code gauge} when its gauge was shown) the way
 * Grafana's sharedSingleStatMigrationHandler does: format -> unit, "50,80" thresholds + colors -> steps,
 * colorBackground/colorValue -> colorMode, valueName -> reducer, sparkline -> graphMode, value/range maps ->
 * mappings, prefix/postfix -> a prefix:/suffix: unit.
 */
final class SinglestatMigration {

    private SinglestatMigration() {
    }

    /** Grafana's valueName -> reducer id. */
    static String reducer(String valueName) {
        return switch (valueName) {
            case "avg" -> "mean";
            case "current" -> "lastNotNull";
            case "total" -> "sum";
            case "first" -> "firstNotNull";
            case "min", "max", "delta", "diff", "range", "count" -> valueName;
            case "last_time" -> "lastNotNull";
            default -> "mean"; // singlestat's default valueName was avg
        };
    }

    static ObjectNode toStat(JsonNode s) {
        boolean gauge = s.path("gauge").path("show").asBoolean(false);
        ObjectNode out = s.deepCopy();
        out.put("type", gauge ? "gauge" : "stat");
        ObjectNode options = out.putObject("options");
        ObjectNode reduce = options.putObject("reduceOptions");
        reduce.putArray("calcs").add(reducer(JsonNodes.text(s, "valueName", "avg")));
        reduce.put("values", false);
        String tableColumn = JsonNodes.text(s, "tableColumn", "");
        reduce.put("fields", tableColumn.isEmpty() ? "" : "/^" + tableColumn + "$/");
        boolean background = JsonNodes.bool(s, "colorBackground", false);
        boolean value = JsonNodes.bool(s, "colorValue", false);
        options.put("colorMode", background ? "background" : value ? "value" : "none");
        options.put("graphMode", s.path("sparkline").path("show").asBoolean(false) ? "area" : "none");
        options.put("justifyMode", "auto");
        options.put("textMode", "auto");
        if (gauge) {
            options.put("showThresholdMarkers", s.path("gauge").path("thresholdMarkers").asBoolean(true));
            options.put("showThresholdLabels", s.path("gauge").path("thresholdLabels").asBoolean(false));
        }

        ObjectNode fc = out.putObject("fieldConfig");
        ObjectNode defaults = fc.putObject("defaults");
        fc.putArray("overrides");
        String unit = JsonNodes.text(s, "format", "none");
        String prefix = JsonNodes.text(s, "prefix", "");
        String postfix = JsonNodes.text(s, "postfix", "");
        if ((unit.equals("none") || unit.equals("short")) && !postfix.isBlank()) {
            unit = "suffix:" + postfix;
        } else if ((unit.equals("none") || unit.equals("short")) && !prefix.isBlank()) {
            unit = "prefix:" + prefix;
        }
        defaults.put("unit", unit);
        GraphMigration.copyNumber(s, "decimals", defaults, "decimals");
        if (gauge) {
            GraphMigration.copyNumber(s.path("gauge"), "minValue", defaults, "min");
            GraphMigration.copyNumber(s.path("gauge"), "maxValue", defaults, "max");
        }
        thresholds(s, defaults);
        mappings(s, defaults);
        return out;
    }

    // "50,80" with colors [ok, warn, crit] -> base ok, 50 warn, 80 crit
    private static void thresholds(JsonNode s, ObjectNode defaults) {
        List<String> colors = JsonNodes.strings(s.get("colors"));
        if (colors.isEmpty()) {
            colors = List.of("#299c46", "rgba(237, 129, 40, 0.89)", "#d44a3a");
        }
        ObjectNode t = defaults.putObject("thresholds");
        t.put("mode", "absolute");
        ArrayNode steps = t.putArray("steps");
        ObjectNode base = steps.addObject();
        base.put("color", colors.get(0));
        base.putNull("value");
        String text = JsonNodes.text(s, "thresholds", "");
        int i = 1;
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                double v = Double.parseDouble(part.strip());
                steps.addObject().put("color", colors.get(Math.min(i, colors.size() - 1))).put("value", v);
                i++;
            } catch (NumberFormatException e) {
                // Grafana also skips thresholds that are not numbers
            }
        }
    }

    private static void mappings(JsonNode s, ObjectNode defaults) {
        ArrayNode m = defaults.putArray("mappings");
        int mappingType = JsonNodes.integer(s, "mappingType", 1);
        if (mappingType == 1) {
            for (JsonNode vm : JsonNodes.array(s, "valueMaps")) {
                String v = JsonNodes.text(vm, "value", "");
                String text = JsonNodes.text(vm, "text", "");
                if (v.equals("null")) {
                    special(m, "null", text);
                } else {
                    ObjectNode e = m.addObject();
                    e.put("type", "value");
                    e.putObject("options").putObject(v).put("text", text);
                }
            }
        } else {
            for (JsonNode rm : JsonNodes.array(s, "rangeMaps")) {
                ObjectNode e = m.addObject();
                e.put("type", "range");
                ObjectNode o = e.putObject("options");
                GraphMigration.copyNumber(rm, "from", o, "from");
                GraphMigration.copyNumber(rm, "to", o, "to");
                o.putObject("result").put("text", JsonNodes.text(rm, "text", ""));
            }
        }
        String nullText = JsonNodes.text(s, "nullText", "");
        if (!nullText.isEmpty()) {
            special(m, "null", nullText);
        }
    }

    private static void special(ArrayNode m, String match, String text) {
        ObjectNode e = m.addObject();
        e.put("type", "special");
        ObjectNode o = e.putObject("options");
        o.put("match", match);
        o.putObject("result").put("text", text);
    }
}
