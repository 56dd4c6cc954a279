/**
 * Starts and stops real Prometheus, Alertmanager, node_exporter and VictoriaMetrics processes on free
 * loopback ports in temporary folders: the demo stack and the test stack both stand on this.
 */
package io.opsdeck.simulate.stack;
