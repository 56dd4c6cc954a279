package io.opsdeck.dashboard.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Rewrites a legacy {@code graph} panel into a {@code timeseries} panel JSON the way Grafana's auto-migration
 * (graphPanelChangedHandler) does: y-axis format/decimals/min/max/log, lines/bars/points, fill, linewidth,
 * stack/percentage, nullPointMode, legend, tooltip, aliasColors and seriesOverrides become field config.
 */
final class GraphMigration {

    private GraphMigration() {
    }

    /** Returns null when the graph cannot become a time series; {@code reason} then gets the explanation. */
    static ObjectNode toTimeseries(JsonNode graph, StringBuilder reason) {
        String xMode = graph.path("xaxis").path("mode").asText("time");
        if (!xMode.equals("time")) {
            reason.append("graph with x-axis mode '").append(xMode).append("' (a bar chart/histogram) is not supported");
            return null;
        }
        ObjectNode out = graph.deepCopy();
        out.put("type", "timeseries");
        ObjectNode fc = out.putObject("fieldConfig");
        ObjectNode defaults = fc.putObject("defaults");
        ArrayNode overrides = fc.putArray("overrides");
        ObjectNode custom = defaults.putObject("custom");

        JsonNode y = graph.path("yaxes").path(0);
        putIfText(defaults, "unit", y.get("format"));
        copyNumber(y, "decimals", defaults, "decimals");
        copyNumber(graph, "decimals", defaults, "decimals");
        copyNumber(y, "min", defaults, "min");
        copyNumber(y, "max", defaults, "max");
        if (JsonNodes.integer(y, "logBase", 1) > 1) {
            custom.putObject("scaleDistribution").put("type", "log").put("log", JsonNodes.integer(y, "logBase", 2));
        }
        putIfText(custom, "axisLabel", y.get("label"));

        boolean bars = JsonNodes.bool(graph, "bars", false);
        boolean lines = JsonNodes.bool(graph, "lines", true);
        boolean points = JsonNodes.bool(graph, "points", false);
        custom.put("drawStyle", bars ? "bars" : !lines && points ? "points" : "line");
        custom.put("showPoints", points ? "always" : "never");
        custom.put("lineWidth", JsonNodes.integer(graph, "linewidth", 1));
        custom.put("fillOpacity", JsonNodes.integer(graph, "fill", 1) * 10);
        if (JsonNodes.integer(graph, "fillGradient", 0) > 0) {
            custom.put("gradientMode", "opacity");
        }
        if (JsonNodes.bool(graph, "steppedLine", false)) {
            custom.put("lineInterpolation", "stepAfter");
        }
        if (JsonNodes.bool(graph, "stack", false)) {
            custom.putObject("stacking").put("mode", JsonNodes.bool(graph, "percentage", false) ? "percent" : "normal")
                    .put("group", "A");
        }
        switch (JsonNodes.text(graph, "nullPointMode", "null")) {
            case "connected" -> custom.put("spanNulls", true);
            case "null as zero" -> custom.put("nullValue", 0); // OpsDeck draws missing points as 0
            default -> custom.put("spanNulls", false);
        }
        graphThresholds(graph, defaults, custom);
        ObjectNode options = out.putObject("options");
        options.set("legend", legend(graph));
        options.putObject("tooltip").put("mode",
                graph.path("tooltip").path("shared").asBoolean(true) ? "multi" : "single");
        out.remove("legend");
        out.remove("tooltip");
        out.remove("thresholds");

        JsonNode rightAxis = graph.path("yaxes").path(1);
        Iterator<Map.Entry<String, JsonNode>> colors = graph.path("aliasColors").fields();
        while (colors.hasNext()) {
            Map.Entry<String, JsonNode> c = colors.next();
            ObjectNode o = override(overrides, c.getKey());
            prop(o, "color").putObject("value").put("mode", "fixed").put("fixedColor", c.getValue().asText());
        }
        for (JsonNode s : JsonNodes.array(graph, "seriesOverrides")) {
            seriesOverride(s, rightAxis, overrides);
        }
        return out;
    }

    // Graph thresholds [{value, op, colorMode, fill, line}] -> steps plus a thresholdsStyle, as Grafana migrates them.
    private static void graphThresholds(JsonNode graph, ObjectNode defaults, ObjectNode custom) {
        java.util.List<JsonNode> list = JsonNodes.array(graph, "thresholds");
        if (list.isEmpty()) {
            return;
        }
        ObjectNode t = defaults.putObject("thresholds");
        t.put("mode", "absolute");
        ArrayNode steps = t.putArray("steps");
        ObjectNode base = steps.addObject();
        base.put("color", "transparent");
        base.putNull("value");
        boolean fill = false;
        boolean line = false;
        for (JsonNode th : list) {
            Double v = JsonNodes.number(th, "value");
            if (v == null) {
                continue;
            }
            String color = switch (JsonNodes.text(th, "colorMode", "critical")) {
                case "ok" -> "green";
                case "warning" -> "orange";
                case "custom" -> JsonNodes.text(th, "lineColor", JsonNodes.text(th, "fillColor", "red"));
                default -> "red";
            };
            if ("lt".equals(JsonNodes.text(th, "op", "gt"))) {
                base.put("color", color);
                steps.addObject().put("color", "transparent").put("value", v);
            } else {
                steps.addObject().put("color", color).put("value", v);
            }
            fill |= th.path("fill").asBoolean(true);
            line |= th.path("line").asBoolean(true);
        }
        custom.putObject("thresholdsStyle").put("mode", fill && line ? "line+area" : fill ? "area" : "line");
    }

    private static ObjectNode legend(JsonNode graph) {
        JsonNode l = graph.path("legend");
        ObjectNode legend = JsonNodes.MAPPER.createObjectNode();
        legend.put("showLegend", l.path("show").asBoolean(true));
        legend.put("displayMode", l.path("alignAsTable").asBoolean(false) ? "table" : "list");
        legend.put("placement", l.path("rightSide").asBoolean(false) ? "right" : "bottom");
        ArrayNode calcs = legend.putArray("calcs");
        String[][] names = {{"min", "min"}, {"max", "max"}, {"avg", "mean"}, {"current", "lastNotNull"},
            {"total", "sum"}};
        for (String[] n : names) {
            if (l.path(n[0]).asBoolean(false)) {
                calcs.add(n[1]);
            }
        }
        return legend;
    }

    private static void seriesOverride(JsonNode s, JsonNode rightAxis, ArrayNode overrides) {
        String alias = JsonNodes.text(s, "alias", "");
        if (alias.isEmpty()) {
            return;
        }
        ObjectNode o = override(overrides, alias);
        if (s.hasNonNull("color")) {
            prop(o, "color").putObject("value").put("mode", "fixed").put("fixedColor", s.get("color").asText());
        }
        if (s.hasNonNull("fill")) {
            prop(o, "custom.fillOpacity").put("value", JsonNodes.integer(s, "fill", 0) * 10);
        }
        if (s.hasNonNull("linewidth")) {
            prop(o, "custom.lineWidth").put("value", JsonNodes.integer(s, "linewidth", 1));
        }
        if (JsonNodes.integer(s, "yaxis", 1) == 2) {
            prop(o, "custom.axisPlacement").put("value", "right");
            if (rightAxis.hasNonNull("format")) {
                prop(o, "unit").put("value", rightAxis.get("format").asText());
            }
        }
        if ("negative-Y".equals(JsonNodes.text(s, "transform", ""))) {
            prop(o, "custom.transform").put("value", "negative-Y");
        }
        if (s.has("bars") && s.get("bars").asBoolean()) {
            prop(o, "custom.drawStyle").put("value", "bars");
        } else if (s.has("lines") && !s.get("lines").asBoolean() && s.path("points").asBoolean(false)) {
            prop(o, "custom.drawStyle").put("value", "points");
        }
        if (s.has("points")) {
            prop(o, "custom.showPoints").put("value", s.get("points").asBoolean() ? "always" : "never");
        }
        if (s.path("dashes").asBoolean(false)) {
            ObjectNode v = prop(o, "custom.lineStyle").putObject("value");
            v.put("fill", "dash");
            v.putArray("dash").add(10).add(10);
        }
        if (s.has("stack") && !s.get("stack").asBoolean()) {
            prop(o, "custom.stacking").putObject("value").put("mode", "none");
        }
        boolean hideLegend = s.has("legend") && !s.get("legend").asBoolean();
        boolean hidden = s.path("hiddenSeries").asBoolean(false);
        if (hideLegend || hidden) {
            prop(o, "custom.hideFrom").putObject("value").put("legend", hideLegend || hidden).put("tooltip", hidden)
                    .put("viz", hidden);
        }
    }

    private static ObjectNode override(ArrayNode overrides, String alias) {
        ObjectNode o = overrides.addObject();
        boolean regex = alias.length() > 1 && alias.startsWith("/") && alias.lastIndexOf('/') > 0;
        o.putObject("matcher").put("id", regex ? "byRegexp" : "byName").put("options", alias);
        o.putArray("properties");
        return o;
    }

    private static ObjectNode prop(ObjectNode override, String id) {
        ObjectNode p = ((ArrayNode) override.get("properties")).addObject();
        p.put("id", id);
        return p;
    }

    static void putIfText(ObjectNode target, String field, JsonNode v) {
        if (v != null && !v.isNull() && !v.asText().isEmpty()) {
            target.put(field, v.asText());
        }
    }

    static void copyNumber(JsonNode src, String field, ObjectNode target, String to) {
        Double d = JsonNodes.number(src, field);
        if (d != null) {
            target.put(to, d);
        }
    }
}
