package io.opsdeck.config;

import io.opsdeck.http.ConnectionSettings;
import java.util.Objects;

/**
 * One configured Alertmanager instance.
 *
 * @param name unique among Alertmanager sources
 * @param cluster the HA cluster it belongs to; peers share one; defaults to its own name
 * @param connection how to reach it; pass to {@link io.opsdeck.http.HttpClients#forSource}
 */
public record AlertmanagerSource(String name, String cluster, ConnectionSettings connection) {

    public AlertmanagerSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(connection, "connection");
    }
}
