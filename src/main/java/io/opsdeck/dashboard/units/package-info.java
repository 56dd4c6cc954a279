/** Grafana-compatible value formatting (units, scaling, decimals). */
package io.opsdeck.dashboard.units;
