/** The fleet simulator: realistic exporter metrics for many hosts, faults, scenarios, control API. */
package io.opsdeck.simulate;
