package io.opsdeck.simulate;

import java.util.List;

/** A simulated host as the control API lists it: name, role, exporter jobs and the kinds of its active faults. */
public record HostInfo(String name, String role, List<String> modules, List<String> faults) {

    public HostInfo {
        modules = List.copyOf(modules);
        faults = List.copyOf(faults);
    }
}
