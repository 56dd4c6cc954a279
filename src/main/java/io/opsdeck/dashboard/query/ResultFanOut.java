package io.opsdeck.dashboard.query;

import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Hands each request's frame (or error) to every panel query it serves, naming series by legendFormat. */
final class ResultFanOut {

    private ResultFanOut() {
    }

    static Map<Integer, PanelResult> fanOut(QueryPlan plan, Map<QueryKey, List<PanelQuery>> byRequest,
                                                    Map<QueryKey, CompletableFuture<Frame>> futures) {
        Map<Integer, List<Series>> series = new LinkedHashMap<>();
        Map<Integer, List<String>> errors = new LinkedHashMap<>();
        plan.queries().forEach(q -> {
            series.putIfAbsent(q.panelId(), new ArrayList<>());
            errors.putIfAbsent(q.panelId(), new ArrayList<>());
        });
        plan.errors().forEach((id, e) -> {
            series.putIfAbsent(id, new ArrayList<>());
            errors.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
        });
        byRequest.forEach((key, panelQueries) -> {
            CompletableFuture<Frame> f = futures.get(key);
            Frame frame = null;
            String error = null;
            try {
                frame = f.join();
            } catch (CancellationException | CompletionException e) {
                Throwable cause = DashboardRefresher.unwrap(e);
                error = cause instanceof CancellationException ? "cancelled"
                        : Objects.requireNonNullElse(cause.getMessage(), cause.getClass().getSimpleName());
            }
            for (PanelQuery q : panelQueries) {
                if (frame == null) {
                    errors.get(q.panelId()).add(q.refId() + ": " + error);
                    continue;
                }
                for (Series s : frame.series()) {
                    series.get(q.panelId()).add(new Series(Series.legend(q.legendFormat(), s.labels()), s.labels(),
                            q.refId(), s.timestamps(), s.values()));
                }
            }
        });
        Map<Integer, PanelResult> out = new LinkedHashMap<>();
        series.forEach((id, list) -> out.put(id, new PanelResult(id, new Frame(list), errors.get(id))));
        return out;
    }

}
