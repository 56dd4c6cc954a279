package io.opsdeck.dashboard.grafana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardException;
import io.opsdeck.dashboard.DashboardPanel;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.RowPanel;
import io.opsdeck.dashboard.Variable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Loads a Grafana dashboard JSON (an export, with or without {@code __inputs}, or an API response wrapping it in
 * {@code "dashboard"}). Panels OpsDeck cannot draw become {@link io.opsdeck.dashboard.UnsupportedPanel}s with the
 * reason; only unreadable JSON throws.
 *
 * <pre>{@code
 * Dashboard d = new GrafanaDashboardLoader(DatasourceResolver.single("prod"))
 *         .load(Path.of("node-exporter-full.json"));
 * }</pre>
 */
public final class GrafanaDashboardLoader {

    private final DatasourceResolver resolver;

    public GrafanaDashboardLoader(DatasourceResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Reads and converts a file; the exception message names the file and the JSON error position. */
    public Dashboard load(Path file) {
        try {
            String id = file.getFileName().toString().replaceAll("\\.json$", "");
            return parse(Files.readString(file), id);
        } catch (IOException e) {
            throw new DashboardException(file + ": cannot read: " + e.getMessage(), e);
        } catch (DashboardException e) {
            throw new DashboardException(file + ": " + e.getMessage(), e);
        }
    }

    /** Converts JSON text; {@code fallbackId} is used when the dashboard has no uid. */
    public Dashboard parse(String json, String fallbackId) {
        JsonNode root;
        try {
            root = JsonNodes.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DashboardException("invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DashboardException("not a Grafana dashboard: the top level is not a JSON object");
        }
        if (root.has("dashboard") && root.get("dashboard").isObject() && !root.has("panels") && !root.has("rows")) {
            root = root.get("dashboard");
        }
        if (!root.has("panels") && !root.has("rows")) {
            throw new DashboardException("not a Grafana dashboard: neither 'panels' nor 'rows' is present");
        }
        ObjectNode dash = root.deepCopy();
        Map<String, String> inputs = new LinkedHashMap<>();
        for (JsonNode in : JsonNodes.array(dash, "__inputs")) {
            String name = JsonNodes.text(in, "name", "");
            if ("constant".equals(JsonNodes.text(in, "type", ""))) {
                substitute(dash, "${" + name + "}", JsonNodes.text(in, "value", ""));
            } else {
                inputs.put(name, JsonNodes.text(in, "pluginId", "prometheus"));
            }
        }
        Set<String> required = new HashSet<>();
        for (JsonNode r : JsonNodes.array(dash, "__requires")) {
            if ("datasource".equals(JsonNodes.text(r, "type", ""))) {
                required.add(JsonNodes.text(r, "id", ""));
            }
        }
        JsonNode varList = dash.path("templating").path("list");
        DatasourceContext ds = new DatasourceContext(resolver, inputs, VariableParser.datasourceVariables(varList),
                required);
        List<String> warnings = new ArrayList<>();
        List<Variable> variables = VariableParser.parse(varList, ds, warnings);

        JsonNode panelsJson = dash.has("rows") && dash.get("rows").isArray() && !dash.has("panels")
                ? LegacyRows.toPanels(dash.get("rows")) : dash.path("panels");
        List<DashboardPanel> panels = layout(panelsJson, new PanelParser(ds));

        String uid = JsonNodes.text(dash, "uid", "");
        List<String> tags = JsonNodes.strings(dash.get("tags"));
        String refresh = dash.path("refresh").isBoolean() ? "" : JsonNodes.text(dash, "refresh", "");
        return new Dashboard(uid.isEmpty() ? fallbackId : uid, JsonNodes.text(dash, "title", fallbackId), tags,
                variables, panels, JsonNodes.text(dash.path("time"), "from", "now-6h"),
                JsonNodes.text(dash.path("time"), "to", "now"), refresh, warnings);
    }

    // Rows own the panels that follow them (expanded) or that they carry (collapsed).
    private static List<DashboardPanel> layout(JsonNode panelsJson, PanelParser parser) {
        List<JsonNode> sorted = new ArrayList<>();
        panelsJson.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt((JsonNode p) -> JsonNodes.integer(p.path("gridPos"), "y", 0))
                .thenComparingInt(p -> JsonNodes.integer(p.path("gridPos"), "x", 0)));
        List<DashboardPanel> top = new ArrayList<>();
        JsonNode rowJson = null;
        List<DashboardPanel> rowPanels = new ArrayList<>();
        for (JsonNode p : sorted) {
            if ("row".equals(JsonNodes.text(p, "type", ""))) {
                if (rowJson != null) {
                    top.add(row(rowJson, rowPanels));
                }
                rowJson = p;
                rowPanels = new ArrayList<>();
                for (JsonNode nested : JsonNodes.array(p, "panels")) {
                    rowPanels.add(parser.parse(nested));
                }
            } else if (rowJson != null) {
                rowPanels.add(parser.parse(p));
            } else {
                top.add(parser.parse(p));
            }
        }
        if (rowJson != null) {
            top.add(row(rowJson, rowPanels));
        }
        return top;
    }

    private static RowPanel row(JsonNode r, List<DashboardPanel> panels) {
        GridPos g = PanelParser.gridPos(r.path("gridPos"));
        return new RowPanel(JsonNodes.integer(r, "id", 0), JsonNodes.text(r, "title", ""),
                new GridPos(0, g.y(), 24, 1), JsonNodes.bool(r, "collapsed", false), PanelParser.repeat(r), panels);
    }

    private static void substitute(JsonNode node, String token, String value) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual() && e.getValue().asText().contains(token)) {
                    e.setValue(TextNode.valueOf(e.getValue().asText().replace(token, value)));
                } else {
                    substitute(e.getValue(), token, value);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual() && a.get(i).asText().contains(token)) {
                    a.set(i, TextNode.valueOf(a.get(i).asText().replace(token, value)));
                } else {
                    substitute(a.get(i), token, value);
                }
            }
        }
    }
}
