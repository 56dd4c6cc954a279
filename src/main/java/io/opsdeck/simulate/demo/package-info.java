/**
 * {@code opsdeck demo}: installs what is missing, then runs the simulator, a real Prometheus, node_exporter and
 * Alertmanager, the agent and the console in one temporary folder, and stops all of it again.
 * Entry point: {@link io.opsdeck.simulate.demo.Demo}.
 */
package io.opsdeck.simulate.demo;
