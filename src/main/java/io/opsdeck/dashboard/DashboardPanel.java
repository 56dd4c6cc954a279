package io.opsdeck.dashboard;

/** Anything placed on the dashboard grid: a {@link Panel}, a {@link RowPanel} or an {@link UnsupportedPanel}. */
public sealed interface DashboardPanel permits Panel, RowPanel, UnsupportedPanel {

    int id();

    String title();

    GridPos gridPos();
}
