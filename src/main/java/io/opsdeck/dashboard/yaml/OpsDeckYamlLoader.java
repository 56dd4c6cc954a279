package io.opsdeck.dashboard.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardException;
import io.opsdeck.dashboard.DashboardPanel;
import io.opsdeck.dashboard.DatasourceRef;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.RowPanel;
import io.opsdeck.dashboard.Variable;
import io.opsdeck.dashboard.VariableType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads OpsDeck's concise YAML dashboards. Rows stack vertically; panels of a row flow left to right on the
 * 24-column grid ({@code width}, default: the row shared equally) and wrap when a line is full.
 *
 * <pre>{@code
 * title: Databases
 * time: now-6h
 * refresh: 30s
 * variables:
 *   - {name: db, query: 'label_values(pg_up, instance)', multi: true, all: true}
 * rows:
 *   - title: PostgreSQL
 *     height: 6
 *     panels:
 *       - stat: {title: Up, expr: 'pg_up{instance=~"$db"}', mappings: {0: DOWN red, 1: UP green}}
 *       - timeseries: {title: TPS, expr: 'sum(rate(pg_stat_database_xact_commit[$__rate_interval]))', unit: ops}
 * }</pre>
 * Unknown keys and panel types are errors naming the file and the place.
 */
public final class OpsDeckYamlLoader {

    private static final Set<String> TOP = Set.of("title", "id", "tags", "time", "refresh", "variables", "rows");
    private static final Set<String> ROW = Set.of("title", "height", "collapsed", "panels", "repeat");
    private static final Set<String> VAR = Set.of("name", "label", "query", "custom", "constant", "textbox",
            "interval", "regex", "sort", "multi", "all", "allValue", "default", "source");
    private static final int DEFAULT_HEIGHT = 8;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Loads a file; the id defaults to the file name without extension. */
    public Dashboard load(Path file) {
        String name = file.getFileName().toString().replaceAll("\\.ya?ml$", "");
        try {
            return parse(Files.readString(file), name);
        } catch (IOException e) {
            throw new DashboardException(file + ": cannot read: " + e.getMessage(), e);
        } catch (DashboardException e) {
            throw new DashboardException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML text. */
    public Dashboard parse(String yaml, String fallbackId) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new DashboardException("invalid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        YamlPanelReader.checkKeys(root, TOP, "dashboard");
        List<Variable> variables = new ArrayList<>();
        int i = 0;
        for (JsonNode v : root.path("variables")) {
            variables.add(variable(v, "variables[" + i++ + "]"));
        }
        List<DashboardPanel> rows = new ArrayList<>();
        int y = 0;
        int id = 1;
        int r = 0;
        for (JsonNode row : root.path("rows")) {
            String where = "rows[" + r++ + "]";
            YamlPanelReader.checkKeys(row, ROW, where);
            int rowY = y;
            int rowId = id++;
            y++;
            int height = row.path("height").asInt(DEFAULT_HEIGHT);
            JsonNode panels = row.path("panels");
            int defaultWidth = Math.max(1, 24 / Math.max(1, panels.size()));
            int x = 0;
            int lineHeight = 0;
            List<DashboardPanel> children = new ArrayList<>();
            int p = 0;
            for (JsonNode entry : panels) {
                String pw = where + ".panels[" + p++ + "]";
                if (!entry.isObject() || entry.size() != 1) {
                    throw new DashboardException(pw + ": expected '- <type>: {...}' with exactly one panel type");
                }
                Map.Entry<String, JsonNode> e = entry.fields().next();
                JsonNode body = e.getValue();
                int w = body.path("width").asInt(defaultWidth);
                int h = body.path("height").asInt(height);
                if (x + w > 24) {
                    x = 0;
                    y += lineHeight;
                    lineHeight = 0;
                }
                children.add(YamlPanelReader.read(e.getKey(), body, id++, new GridPos(x, y, w, h), pw + "." + e.getKey()));
                x += w;
                lineHeight = Math.max(lineHeight, h);
            }
            y += lineHeight;
            io.opsdeck.dashboard.Repeat repeat = row.has("repeat")
                    ? new io.opsdeck.dashboard.Repeat(row.get("repeat").asText(), 'v', 0) : null;
            rows.add(new RowPanel(rowId, YamlPanelReader.text(row, "title"), new GridPos(0, rowY, 24, 1),
                    row.path("collapsed").asBoolean(false), repeat, children));
        }
        List<String> tags = new ArrayList<>();
        root.path("tags").forEach(t -> tags.add(t.asText()));
        String dashId = root.has("id") ? root.get("id").asText() : fallbackId;
        return new Dashboard(dashId, YamlPanelReader.text(root, "title"), tags, variables, rows,
                root.has("time") ? root.get("time").asText() : "now-6h", "now", YamlPanelReader.text(root, "refresh"),
                List.of());
    }

    private static Variable variable(JsonNode v, String where) {
        YamlPanelReader.checkKeys(v, VAR, where);
        String name = YamlPanelReader.text(v, "name");
        VariableType type = null;
        String query = "";
        for (String kind : List.of("query", "custom", "constant", "textbox", "interval")) {
            if (v.has(kind)) {
                if (type != null) {
                    throw new DashboardException(where + ": give only one of query, custom, constant, textbox, interval");
                }
                type = VariableType.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
                query = v.get(kind).asText();
            }
        }
        if (type == null) {
            throw new DashboardException(where + ": needs one of query, custom, constant, textbox, interval");
        }
        List<String> current = new ArrayList<>();
        JsonNode d = v.get("default");
        if (d != null) {
            if (d.isArray()) {
                d.forEach(x -> current.add(x.asText()));
            } else {
                current.add(d.asText());
            }
        }
        DatasourceRef ds = v.has("source") ? new DatasourceRef("prometheus", v.get("source").asText()) : null;
        try {
            return new Variable(name, type, YamlPanelReader.text(v, "label"), query, ds,
                    YamlPanelReader.text(v, "regex"), v.path("sort").asInt(type == VariableType.QUERY ? 1 : 0),
                    1, v.path("multi").asBoolean(false), v.path("all").asBoolean(false),
                    v.has("allValue") ? v.get("allValue").asText() : null, List.of(), current, 0, null);
        } catch (IllegalArgumentException e) {
            throw new DashboardException(where + ": " + e.getMessage(), e);
        }
    }
}
