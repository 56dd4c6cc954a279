package io.opsdeck.console;

import java.util.List;

/** A fixed list of dashboards, until the dashboards model provides the real catalogue. */
public record ListDashboardCatalogue(List<DashboardSummary> dashboards) implements DashboardCatalogue {

    public ListDashboardCatalogue {
        dashboards = List.copyOf(dashboards);
    }
}
