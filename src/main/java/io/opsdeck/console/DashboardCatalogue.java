package io.opsdeck.console;

import java.util.List;
import java.util.Optional;

/** The dashboards OpsDeck knows; the dashboards model implements this. */
public interface DashboardCatalogue {

    /** Every dashboard, in a stable order. */
    List<DashboardSummary> dashboards();

    default Optional<DashboardSummary> find(String id) {
        return dashboards().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    default List<DashboardSummary> withTag(String tag) {
        return dashboards().stream().filter(d -> d.tags().contains(tag)).toList();
    }
}
