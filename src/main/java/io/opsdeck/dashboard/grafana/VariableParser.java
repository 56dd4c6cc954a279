package io.opsdeck.dashboard.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.dashboard.DatasourceRef;
import io.opsdeck.dashboard.Variable;
import io.opsdeck.dashboard.VariableType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code templating.list}; types OpsDeck cannot resolve (adhoc, groupby...) become warnings. */
final class VariableParser {

    private VariableParser() {
    }

    /** Datasource variables: name -> plugin type they select. */
    static Map<String, String> datasourceVariables(JsonNode list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode v : iterable(list)) {
            if ("datasource".equals(JsonNodes.text(v, "type", ""))) {
                out.put(JsonNodes.text(v, "name", ""), JsonNodes.text(v, "query", "prometheus"));
            }
        }
        return out;
    }

    static List<Variable> parse(JsonNode list, DatasourceContext ds, List<String> warnings) {
        List<Variable> out = new ArrayList<>();
        for (JsonNode v : iterable(list)) {
            String name = JsonNodes.text(v, "name", "");
            String typeName = JsonNodes.text(v, "type", "");
            VariableType type = VariableType.fromGrafana(typeName);
            if (type == null) {
                warnings.add("variable '" + name + "': type '" + typeName + "' is not supported and is ignored");
                continue;
            }
            JsonNode q = v.get("query");
            String query = q != null && q.isObject() ? JsonNodes.text(q, "query", "") : JsonNodes.text(v, "query", "");
            DatasourceRef ref = null;
            if (type == VariableType.QUERY) {
                DatasourceContext.Result r = ds.resolve(v.get("datasource"));
                if (r.reason() != null || r.mixed()) {
                    warnings.add("variable '" + name + "': " + (r.mixed() ? "mixed datasource" : r.reason())
                            + "; its stored options are used");
                    type = VariableType.CUSTOM;
                    query = String.join(",", optionValues(v));
                } else {
                    ref = r.ref();
                }
            }
            List<String> current = JsonNodes.strings(v.path("current").get("value"));
            try {
                out.add(new Variable(name, type, JsonNodes.text(v, "label", name), query, ref,
                        JsonNodes.text(v, "regex", ""), JsonNodes.integer(v, "sort", 0),
                        JsonNodes.integer(v, "refresh", 1), JsonNodes.bool(v, "multi", false),
                        JsonNodes.bool(v, "includeAll", false), JsonNodes.text(v, "allValue", null),
                        optionValues(v), current, JsonNodes.bool(v, "auto", false)
                                ? JsonNodes.integer(v, "auto_count", 30) : 0,
                        JsonNodes.text(v, "auto_min", "10s")));
            } catch (IllegalArgumentException e) {
                warnings.add("variable '" + name + "': " + e.getMessage());
            }
        }
        return out;
    }

    private static List<String> optionValues(JsonNode v) {
        List<String> out = new ArrayList<>();
        for (JsonNode o : JsonNodes.array(v, "options")) {
            String value = JsonNodes.text(o, "value", null);
            if (value != null && !value.equals(Variable.ALL)) {
                out.add(value);
            }
        }
        return out;
    }

    private static List<JsonNode> iterable(JsonNode list) {
        List<JsonNode> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(out::add);
        }
        return out;
    }
}
