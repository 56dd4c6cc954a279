package io.opsdeck.alertmanager;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v2/status}.
 *
 * @param clusterName   this peer's own gossip name, empty when clustering is off
 * @param clusterStatus {@code ready}, {@code settling} or {@code disabled}
 * @param peers         every peer of the gossip cluster, this one included
 * @param versionInfo   version, revision, branch, buildUser, buildDate, goVersion
 * @param uptime        when this Alertmanager started
 * @param configOriginal the loaded configuration as YAML (Alertmanager masks its secrets)
 */
public record AlertmanagerStatus(String clusterName, String clusterStatus, List<Peer> peers,
                                 Map<String, String> versionInfo, Instant uptime, String configOriginal) {

    public AlertmanagerStatus {
        clusterName = clusterName == null ? "" : clusterName;
        peers = peers == null ? List.of() : List.copyOf(peers);
        versionInfo = versionInfo == null ? Map.of() : Map.copyOf(versionInfo);
        configOriginal = configOriginal == null ? "" : configOriginal;
    }

    /** The Alertmanager version, e.g. {@code 0.25.0}, or empty. */
    public String version() {
        return versionInfo.getOrDefault("version", "");
    }

    /** One gossip peer. */
    public record Peer(String name, String address) {
    }
}
