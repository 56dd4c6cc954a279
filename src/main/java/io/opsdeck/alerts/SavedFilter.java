package io.opsdeck.alerts;

import java.util.Objects;

/** A named filter text saved for a role. */
public record SavedFilter(String name, String filter) {

    public SavedFilter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
    }
}
