/**
 * The live dashboard view: {@link io.opsdeck.ui.dashboard.DashboardRenderers#live} builds the
 * {@link io.opsdeck.ui.shell.DashboardRenderer} the console plugs in; {@link io.opsdeck.ui.dashboard.DashboardViewModel}
 * loads, resolves variables, plans and refreshes; {@link io.opsdeck.ui.dashboard.DashboardView} lays the panels out
 * on the 24-column grid.
 */
package io.opsdeck.ui.dashboard;
