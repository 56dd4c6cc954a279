package io.opsdeck.simulate;

/** One exporter of one host: integrates its counters over time steps and renders the current values. */
interface ModuleModel {

    /** Adds what happened during {@code [t, t + dt)} to the counters. */
    void step(double t, double dt);

    /** Writes every metric family of this exporter as of time {@code t} (counters already advanced). */
    void render(double t, Out out);
}
