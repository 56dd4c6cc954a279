package io.opsdeck.config;

import java.util.List;

/** Alertmanager peers that form one HA cluster: they share alerts and silences, so one view covers them all. */
public record AlertmanagerCluster(String name, List<AlertmanagerSource> peers) {

    public AlertmanagerCluster {
        peers = List.copyOf(peers);
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("a cluster has at least one peer");
        }
    }
}
