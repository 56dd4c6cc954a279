/**
 * Native dashboard panels: time series drawn on a Canvas with per-pixel min/max decimation, stat, gauge, bar gauge,
 * table, Markdown text (built from the commonmark AST, never HTML), host status grid and alert list. Each panel is a
 * {@link io.opsdeck.ui.panels.PanelView}; {@link io.opsdeck.ui.panels.PanelFactory} picks one by panel type.
 */
package io.opsdeck.ui.panels;
