/** Grafana dashboard JSON import: layout, legacy migrations, datasource references, variables. */
package io.opsdeck.dashboard.grafana;
