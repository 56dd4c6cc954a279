package io.opsdeck.alerts;

import java.util.Objects;

/** A silence id with the cluster it lives in (ids are only unique per cluster). */
public record SilenceId(String cluster, String id) {

    public SilenceId {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return cluster + "/" + id;
    }
}
