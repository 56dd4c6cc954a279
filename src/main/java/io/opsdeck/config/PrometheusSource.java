package io.opsdeck.config;

import io.opsdeck.http.ConnectionSettings;
import java.util.Objects;

/**
 * One configured Prometheus (or compatible: VictoriaMetrics, Thanos, Mimir).
 *
 * @param name unique among Prometheus sources
 * @param connection how to reach it; pass to {@link io.opsdeck.http.HttpClients#forSource}
 * @param isDefault the source queries use when none is named
 */
public record PrometheusSource(String name, ConnectionSettings connection, boolean isDefault) {

    public PrometheusSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connection, "connection");
    }
}
