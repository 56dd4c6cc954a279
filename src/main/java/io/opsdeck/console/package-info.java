/**
 * What the console's view models ask of the rest of OpsDeck: small service interfaces and plain records,
 * with in-memory implementations for tests and for running the shell before the real parts are wired.
 * No JavaFX here; the lead wires the real dashboards, Prometheus, Alertmanager and agent parts behind
 * these interfaces in one place, {@link io.opsdeck.console.ConsoleServices}.
 */
package io.opsdeck.console;
