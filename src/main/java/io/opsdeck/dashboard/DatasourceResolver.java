package io.opsdeck.dashboard;

import java.util.Locale;
import java.util.Map;

/**
 * Maps a dashboard's datasource reference (a Grafana uid or name, with its plugin type when known) to a configured
 * OpsDeck Prometheus source name.
 *
 * <pre>{@code
 * DatasourceResolver r = DatasourceResolver.single("prod");            // every Prometheus ref -> "prod"
 * DatasourceResolver m = DatasourceResolver.of(Map.of("P1809F7CD0C75ACF3", "prod"), "prod");
 * }</pre>
 */
@FunctionalInterface
public interface DatasourceResolver {

    /**
     * Resolves one reference.
     *
     * @param type      plugin type ("prometheus", "loki", ...) or null when the dashboard only gives a name
     * @param uidOrName the uid or display name; null or "default" for the default datasource
     * @return the source, or an unsupported result with a reason
     */
    Resolution resolve(String type, String uidOrName);

    /**
     * Outcome.
     *
     * @param source            configured source name, null when unsupported
     * @param unsupportedReason why this datasource cannot be used, null when supported
     */
    record Resolution(String source, String unsupportedReason) {
        public static Resolution of(String source) {
            return new Resolution(source, null);
        }

        public static Resolution unsupported(String reason) {
            return new Resolution(null, reason);
        }

        public boolean supported() {
            return source != null;
        }
    }

    /** Types OpsDeck queries: Prometheus and Prometheus-compatible servers. */
    static boolean isPrometheusType(String type) {
        return type == null || switch (type.toLowerCase(Locale.ROOT)) {
            case "prometheus", "victoriametrics-datasource", "victoriametrics-metrics-datasource",
                 "grafana-amazonprometheus-datasource", "thanos", "cortex", "mimir" -> true;
            default -> false;
        };
    }

    /** Every Prometheus-typed reference resolves to {@code sourceName}; other types are unsupported. */
    static DatasourceResolver single(String sourceName) {
        return of(Map.of(), sourceName);
    }

    /**
     * Known uids/names map to their sources; other Prometheus references fall back to {@code defaultSource}.
     * Grafana's own pseudo sources ("-- Grafana --", "-- Dashboard --") and other plugin types are unsupported.
     */
    static DatasourceResolver of(Map<String, String> known, String defaultSource) {
        Map<String, String> copy = Map.copyOf(known);
        return (type, uidOrName) -> {
            if (!isPrometheusType(type)) {
                return Resolution.unsupported("datasource type '" + type + "' is not Prometheus");
            }
            if (uidOrName == null || uidOrName.isBlank() || uidOrName.equalsIgnoreCase("default")
                    || uidOrName.equals("-- Default --")) {
                return Resolution.of(defaultSource);
            }
            if (uidOrName.startsWith("-- ") || uidOrName.equals("grafana")) {
                return Resolution.unsupported("Grafana pseudo datasource '" + uidOrName + "'");
            }
            return Resolution.of(copy.getOrDefault(uidOrName, defaultSource));
        };
    }
}
