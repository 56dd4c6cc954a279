/**
 * Adapters from the Prometheus client to the dashboard model's query interfaces: {@link
 * io.opsdeck.dashboard.prometheus.PrometheusRangeExecutor} for panel queries and {@link
 * io.opsdeck.dashboard.prometheus.PrometheusMetricsSource} for variable resolution.
 */
package io.opsdeck.dashboard.prometheus;
