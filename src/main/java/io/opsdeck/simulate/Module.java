package io.opsdeck.simulate;

import java.util.Locale;
import java.util.Optional;

/** One simulated exporter; its {@link #job()} is both the Prometheus job name and the {@code module} URL parameter. */
public enum Module {
    NODE, APP, POSTGRES, REDIS, DCGM, INFERENCE, CELERY;

    /** The job/module name, e.g. {@code node}. */
    public String job() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The module with this job name, if any. */
    public static Optional<Module> byJob(String job) {
        for (Module m : values()) {
            if (m.job().equals(job)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
