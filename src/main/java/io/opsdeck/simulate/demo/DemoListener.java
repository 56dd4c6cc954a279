package io.opsdeck.simulate.demo;

/** Receives the demo's progress, one human-readable line at a time (the CLI prints them). */
@FunctionalInterface
public interface DemoListener {

    /** Says nothing; for tests that only look at the result. */
    DemoListener SILENT = line -> { };

    void progress(String line);
}
