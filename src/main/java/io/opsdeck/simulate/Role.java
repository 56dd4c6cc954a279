package io.opsdeck.simulate;

import java.util.List;
import java.util.Locale;

/** What a simulated host does, and therefore which exporters it runs. */
public enum Role {
    WEB(List.of(Module.NODE, Module.APP)),
    DB(List.of(Module.NODE, Module.POSTGRES, Module.REDIS)),
    ML(List.of(Module.NODE, Module.DCGM, Module.INFERENCE, Module.CELERY));

    private final List<Module> modules;

    Role(List<Module> modules) {
        this.modules = modules;
    }

    /** The exporters this role runs, node first. */
    public List<Module> modules() {
        return modules;
    }

    /** The label value and host name prefix, e.g. {@code web}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
