package io.opsdeck.console;

import java.util.List;

/** Hosts for quick-open (the {@code instance} label values Prometheus knows). */
@FunctionalInterface
public interface HostDirectory {

    /** Known hosts, sorted; may be a cached answer, never blocks on the network. */
    List<String> hosts();
}
