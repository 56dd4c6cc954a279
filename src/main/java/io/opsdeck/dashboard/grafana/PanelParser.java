package io.opsdeck.dashboard.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsdeck.dashboard.DashboardPanel;
import io.opsdeck.dashboard.DatasourceRef;
import io.opsdeck.dashboard.FieldConfig;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.Repeat;
import io.opsdeck.dashboard.Target;
import io.opsdeck.dashboard.Transformation;
import io.opsdeck.dashboard.UnsupportedPanel;
import io.opsdeck.dashboard.frame.Transformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts one Grafana panel JSON into a supported {@link Panel} or an {@link UnsupportedPanel} with the reason. */
final class PanelParser {

    private static final Set<String> NATIVE = Set.of("timeseries", "stat", "gauge", "bargauge", "table", "text",
            "alertlist", "statusgrid");
    private static final Set<String> NO_QUERIES = Set.of("text", "alertlist");

    private final DatasourceContext datasources;

    PanelParser(DatasourceContext datasources) {
        this.datasources = datasources;
    }

    DashboardPanel parse(JsonNode p) {
        int id = JsonNodes.integer(p, "id", 0);
        String title = JsonNodes.text(p, "title", "");
        GridPos pos = gridPos(p.path("gridPos"));
        String type = JsonNodes.text(p, "type", "");
        try {
            JsonNode panel = p;
            switch (type) {
                case "graph" -> {
                    StringBuilder reason = new StringBuilder();
                    panel = GraphMigration.toTimeseries(p, reason);
                    if (panel == null) {
                        return new UnsupportedPanel(id, title, pos, type, reason.toString());
                    }
                }
                case "singlestat", "grafana-singlestat-panel" -> panel = SinglestatMigration.toStat(p);
                case "table-old" -> {
                    ObjectNode t = p.deepCopy();
                    t.put("type", "table");
                    panel = t;
                }
                case "text" -> panel = legacyText(p);
                case "alertlist" -> panel = legacyAlertList(p);
                default -> {
                    if (!NATIVE.contains(type)) {
                        return new UnsupportedPanel(id, title, pos, type, type.isEmpty() ? "panel has no type"
                                : "panel type '" + type + "' is not supported by OpsDeck");
                    }
                }
            }
            return build(panel, id, title, pos);
        } catch (RuntimeException e) {
            // A malformed panel becomes a placeholder; the dashboard still loads.
            return new UnsupportedPanel(id, title, pos, type, "cannot read panel: " + e.getMessage());
        }
    }

    private DashboardPanel build(JsonNode p, int id, String title, GridPos pos) {
        String type = JsonNodes.text(p, "type", "");
        DatasourceContext.Result panelDs = datasources.resolve(p.get("datasource"));
        boolean needsData = !NO_QUERIES.contains(type);
        if (needsData && panelDs.reason() != null) {
            return new UnsupportedPanel(id, title, pos, type, panelDs.reason());
        }
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : JsonNodes.array(p, "targets")) {
            DatasourceRef tds = null;
            if (t.hasNonNull("datasource")) {
                DatasourceContext.Result r = datasources.resolve(t.get("datasource"));
                if (r.reason() != null || r.mixed()) {
                    String why = r.mixed() ? "target uses the mixed datasource" : r.reason();
                    return new UnsupportedPanel(id, title, pos, type, "query " + JsonNodes.text(t, "refId", "?")
                            + ": " + why);
                }
                tds = r.ref();
            } else if (panelDs.mixed()) {
                return new UnsupportedPanel(id, title, pos, type, "query " + JsonNodes.text(t, "refId", "?")
                        + " of a mixed-datasource panel names no datasource");
            }
            if (!t.hasNonNull("expr")) {
                if (needsData) {
                    return new UnsupportedPanel(id, title, pos, type, "query " + JsonNodes.text(t, "refId", "?")
                            + " has no PromQL expression (not a Prometheus query)");
                }
                continue;
            }
            boolean instant = JsonNodes.bool(t, "instant", false) && !JsonNodes.bool(t, "range", false);
            targets.add(new Target(JsonNodes.text(t, "refId", ""), JsonNodes.text(t, "expr", ""),
                    JsonNodes.text(t, "legendFormat", ""), instant, JsonNodes.text(t, "interval", ""), tds,
                    JsonNodes.bool(t, "hide", false)));
        }
        FieldConfig fc = FieldConfigParser.parse(p.get("fieldConfig"));
        if ("timeseries".equals(type) && !fc.defaults().custom().containsKey("thresholdsStyle")) {
            // Grafana's default thresholdsStyle is off: nearly every exported panel carries the default thresholds
            // (green, 80 red), which Grafana does not draw unless asked; OpsDeck's own YAML default draws them dashed
            Map<String, Object> custom = new LinkedHashMap<>(fc.defaults().custom());
            custom.put("thresholdsStyle", Map.of("mode", "off"));
            fc = new FieldConfig(fc.defaults().withCustom(custom), fc.overrides());
        }
        List<Transformation> transformations = new ArrayList<>();
        for (JsonNode t : JsonNodes.array(p, "transformations")) {
            String tid = JsonNodes.text(t, "id", "");
            if (!JsonNodes.bool(t, "disabled", false) && !Transformer.supported(tid)) {
                return new UnsupportedPanel(id, title, pos, type, "transformation '" + tid + "' is not supported");
            }
            transformations.add(new Transformation(JsonNodes.text(t, "id", ""), JsonNodes.plainMap(t.get("options")),
                    JsonNodes.bool(t, "disabled", false)));
        }
        Map<String, Object> options = JsonNodes.plainMap(p.get("options"));
        return new Panel(id, type, title, JsonNodes.text(p, "description", ""), pos, panelDs.ref(), targets, fc,
                options, transformations, repeat(p), JsonNodes.text(p, "interval", ""),
                JsonNodes.integer(p, "maxDataPoints", 0));
    }

    static Repeat repeat(JsonNode p) {
        String var = JsonNodes.text(p, "repeat", "");
        if (var.isBlank()) {
            return null;
        }
        String dir = JsonNodes.text(p, "repeatDirection", "h");
        return new Repeat(var.replaceAll("^\\$", ""), dir.isEmpty() ? 'h' : dir.charAt(0),
                JsonNodes.integer(p, "maxPerRow", 0));
    }

    static GridPos gridPos(JsonNode g) {
        return new GridPos(JsonNodes.integer(g, "x", 0), JsonNodes.integer(g, "y", 0), JsonNodes.integer(g, "w", 12),
                JsonNodes.integer(g, "h", 8));
    }

    /** Grafana before 7.5 kept the alert list's options at the top level; its migration moves them (options win). */
    private static final Map<String, String> LEGACY_ALERTLIST = Map.of("limit", "maxItems", "nameFilter", "alertName",
            "sortOrder", "sortOrder", "stateFilter", "stateFilter");

    private static JsonNode legacyAlertList(JsonNode p) {
        if (LEGACY_ALERTLIST.keySet().stream().noneMatch(p::has)) {
            return p;
        }
        ObjectNode t = p.deepCopy();
        ObjectNode options = t.has("options") && t.get("options").isObject() ? (ObjectNode) t.get("options")
                : t.putObject("options");
        LEGACY_ALERTLIST.forEach((old, now) -> {
            if (p.hasNonNull(old) && !options.hasNonNull(now)) {
                options.set(now, p.get(old).deepCopy());
            }
        });
        return t;
    }

    // Grafana 6 text panels keep content and mode at the top level.
    private static JsonNode legacyText(JsonNode p) {
        if (!p.has("content")) {
            return p;
        }
        ObjectNode t = p.deepCopy();
        ObjectNode options = t.has("options") && t.get("options").isObject() ? (ObjectNode) t.get("options")
                : t.putObject("options");
        options.put("content", p.get("content").asText());
        options.put("mode", JsonNodes.text(p, "mode", "markdown"));
        return t;
    }
}
