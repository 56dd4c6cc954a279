/** Dashboard model, loaders for OpsDeck YAML and Grafana JSON, variables, units and query planning. */
package io.opsdeck.dashboard;
