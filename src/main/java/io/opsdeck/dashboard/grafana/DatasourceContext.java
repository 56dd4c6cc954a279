package io.opsdeck.dashboard.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.dashboard.DatasourceRef;
import io.opsdeck.dashboard.DatasourceResolver;
import java.util.Map;
import java.util.Set;

/**
 * Turns every form of Grafana datasource reference into a {@link DatasourceRef} or a reason: {@code null}/default,
 * literal names, {@code {type, uid}}, {@code "${DS_PROMETHEUS}"} import inputs, {@code "$datasource"} variables
 * and {@code -- Mixed --}.
 *
 * @param resolver       maps uids/names to configured sources
 * @param inputs         __inputs name -> pluginId
 * @param dsVariables    datasource variable name -> plugin type (its query)
 * @param requiredTypes  datasource plugin ids from __requires (empty when absent)
 */
record DatasourceContext(DatasourceResolver resolver, Map<String, String> inputs, Map<String, String> dsVariables,
                         Set<String> requiredTypes) {

    static final String MIXED = "-- Mixed --";

    /**
     * Result of one reference.
     *
     * @param ref    resolved reference, null when mixed or unsupported
     * @param mixed  the panel's targets carry their own datasources
     * @param reason why unsupported, null otherwise
     */
    record Result(DatasourceRef ref, boolean mixed, String reason) {
        static Result ok(DatasourceRef r) {
            return new Result(r, false, null);
        }

        static Result no(String reason) {
            return new Result(null, false, reason);
        }
    }

    Result resolve(JsonNode ds) {
        if (ds == null || ds.isNull() || ds.isMissingNode()) {
            return fromResolver("prometheus", null);
        }
        if (ds.isTextual()) {
            String s = ds.asText();
            if (s.equals(MIXED)) {
                return new Result(null, true, null);
            }
            if (isVariable(s)) {
                return variable(s, null);
            }
            if (!requiredTypes.isEmpty() && requiredTypes.stream().noneMatch(DatasourceResolver::isPrometheusType)) {
                return Result.no("datasource '" + s + "' is not Prometheus (the dashboard requires "
                        + String.join(", ", requiredTypes) + ")");
            }
            return fromResolver(null, s);
        }
        String type = JsonNodes.text(ds, "type", null);
        String uid = JsonNodes.text(ds, "uid", null);
        if (MIXED.equals(uid)) {
            return new Result(null, true, null);
        }
        if ("datasource".equals(type) || "-- Dashboard --".equals(uid)) {
            return Result.no("Grafana pseudo datasource '" + uid + "' (reuses another panel's data)");
        }
        if ("__expr__".equals(type)) {
            return Result.no("Grafana server-side expressions are not supported");
        }
        if (uid != null && isVariable(uid)) {
            return variable(uid, type);
        }
        if (type != null && isVariable(type)) {
            return variable(type, null);
        }
        return fromResolver(type, uid);
    }

    private Result fromResolver(String type, String uidOrName) {
        DatasourceResolver.Resolution r = resolver.resolve(type, uidOrName);
        return r.supported() ? Result.ok(new DatasourceRef("prometheus", r.source())) : Result.no(r.unsupportedReason());
    }

    private Result variable(String text, String declaredType) {
        String name = text.replaceAll("^\\$\\{?|^\\[\\[|}$|]]$", "").replaceAll(":.*$", "");
        String pluginId = inputs.get(name);
        if (pluginId != null) {
            return DatasourceResolver.isPrometheusType(pluginId) ? fromResolver("prometheus", null)
                    : Result.no("datasource input " + name + " is a '" + pluginId + "' datasource, not Prometheus");
        }
        String varType = dsVariables.get(name);
        if (varType == null) {
            return Result.no("datasource variable '" + name + "' is not defined in the dashboard");
        }
        String type = declaredType != null ? declaredType : varType;
        if (!DatasourceResolver.isPrometheusType(type)) {
            return Result.no("datasource variable '" + name + "' selects '" + type + "' datasources, not Prometheus");
        }
        return Result.ok(new DatasourceRef("prometheus", "$" + name));
    }

    private static boolean isVariable(String s) {
        return s.startsWith("$") || s.startsWith("[[");
    }
}
