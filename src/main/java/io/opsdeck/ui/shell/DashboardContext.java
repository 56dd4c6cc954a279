package io.opsdeck.ui.shell;

import io.opsdeck.console.DashboardVariable;
import io.opsdeck.console.RefreshInterval;
import io.opsdeck.console.TimeRange;
import java.time.Instant;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * What a rendered dashboard follows: the shell's time range, refresh interval and variable values, whether
 * its sources are stale (render stale panels with the {@code stale-marker} style class), and the refresh tick:
 * a new instant each refresh interval while the dashboard is shown (re-query then); and whether the panels are
 * sized to fit the height they are given ({@code fitHeight}: a wall, where nobody scrolls) rather than Grafana's
 * fixed row height under a scroll bar.
 */
public record DashboardContext(ObservableValue<TimeRange> timeRange, ObservableValue<RefreshInterval> refresh,
                               ObservableList<DashboardVariable> variables, ObservableValue<Boolean> stale,
                               ObservableValue<Instant> refreshed, boolean fitHeight) {

    /** A context for a window the user can scroll: Grafana's fixed row height. */
    public DashboardContext(ObservableValue<TimeRange> timeRange, ObservableValue<RefreshInterval> refresh,
                            ObservableList<DashboardVariable> variables, ObservableValue<Boolean> stale,
                            ObservableValue<Instant> refreshed) {
        this(timeRange, refresh, variables, stale, refreshed, false);
    }
}
