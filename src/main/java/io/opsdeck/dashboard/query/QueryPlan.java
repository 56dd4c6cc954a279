package io.opsdeck.dashboard.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests one dashboard refresh needs: identical queries of different panels share one request, and the
 * results fan back out to every panel query.
 *
 * @param dashboardId  the dashboard, for coalescing refreshes
 * @param queries      every panel query in panel order
 * @param skipped      panel ids that were not visible and therefore not queried
 * @param errors       panel id -> problem found while planning (e.g. an interval variable that is not a duration)
 */
public record QueryPlan(String dashboardId, List<PanelQuery> queries, List<Integer> skipped,
                        Map<Integer, String> errors) {

    public QueryPlan {
        queries = List.copyOf(queries);
        skipped = List.copyOf(skipped);
        errors = Map.copyOf(errors);
    }

    /** Distinct requests, in first-use order. */
    public List<QueryKey> requests() {
        return List.copyOf(byRequest().keySet());
    }

    /** Request -> the panel queries it serves. */
    public Map<QueryKey, List<PanelQuery>> byRequest() {
        Map<QueryKey, List<PanelQuery>> m = new LinkedHashMap<>();
        for (PanelQuery q : queries) {
            m.computeIfAbsent(q.key(), k -> new ArrayList<>()).add(q);
        }
        return m;
    }
}
