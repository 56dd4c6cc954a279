package io.opsdeck.dashboard.query;

/**
 * One target of one panel, pointing at the request that serves it.
 *
 * @param panelId      panel
 * @param refId        target letter
 * @param legendFormat series name template
 * @param key          the (shared) request
 */
public record PanelQuery(int panelId, String refId, String legendFormat, QueryKey key) {
}
