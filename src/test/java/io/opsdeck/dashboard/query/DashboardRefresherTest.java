package io.opsdeck.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.Target;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Refresh logic against an executor of OpsDeck's own {@link RangeQueryExecutor} interface that records calls and
 * lets the test decide when each completes (no Prometheus involved: this is the scheduling logic only).
 */
class DashboardRefresherTest {

    private static final QueryPlanner PLANNER = QueryPlanner.builder().build();

    /** One recorded call. */
    record Call(String source, String expr, Instant start, Instant end, Duration step, CompletableFuture<Frame> future) {
        /** Completes with one series per label value, one point per step. */
        void answer(String... instances) {
            List<Series> out = new ArrayList<>();
            for (String i : instances) {
                int n = (int) ((end.toEpochMilli() - start.toEpochMilli()) / step.toMillis()) + 1;
                long[] ts = new long[n];
                double[] vs = new double[n];
                for (int k = 0; k < n; k++) {
                    ts[k] = start.toEpochMilli() + k * step.toMillis();
                    vs[k] = ts[k] / 1000.0;
                }
                out.add(new Series("", Map.of("instance", i), "", ts, vs));
            }
            future.complete(new Frame(out));
        }
    }

    static final class RecordingExecutor implements RangeQueryExecutor {
        final List<Call> calls = new ArrayList<>();
        int maxInFlight;

        @Override
        public synchronized CompletableFuture<Frame> execute(String source, String expr, Instant start, Instant end,
                                                             Duration step) {
            CompletableFuture<Frame> f = new CompletableFuture<>();
            int inFlight = 1 + (int) calls.stream().filter(c -> !c.future().isDone()).count();
            maxInFlight = Math.max(maxInFlight, inFlight);
            calls.add(new Call(source, expr, start, end, step, f));
            return f;
        }

        synchronized Call call(int i) {
            return calls.get(i);
        }
    }

    private static Dashboard dashboard(String id, int panels) {
        var list = new ArrayList<io.opsdeck.dashboard.DashboardPanel>();
        for (int i = 1; i <= panels; i++) {
            list.add(QueryPlannerTest.panel(i, 12, "prod", Target.range("A", "metric_" + i)));
        }
        return new Dashboard(id, id, null, null, list, null, null, null, null);
    }

    private static TimeRange range(String end) {
        return TimeRange.last(Duration.ofHours(1), Instant.parse(end));
    }

    @Test
    void requestsPerSourceNeverExceedTheLimit() {
        RecordingExecutor ex = new RecordingExecutor();
        try (DashboardRefresher r = DashboardRefresher.builder(ex).maxInFlightPerSource(2).build()) {
            var result = r.refresh(PLANNER.plan(dashboard("d", 5), Map.of(), range("2026-01-01T12:00:00Z"), p -> true));
            assertThat(ex.calls).hasSize(2);
            ex.call(0).answer("a");
            assertThat(ex.calls).hasSize(3);
            for (int i = 1; i < 5; i++) {
                ex.call(i).answer("a");
            }
            assertThat(result.join()).hasSize(5);
            assertThat(ex.maxInFlight).isEqualTo(2);
            assertThat(r.maxInFlight("prod")).isEqualTo(2);
        }
    }

    @Test
    void aRefreshOverlappingTheRunningOneJoinsIt() {
        RecordingExecutor ex = new RecordingExecutor();
        try (DashboardRefresher r = DashboardRefresher.builder(ex).build()) {
            QueryPlan plan = PLANNER.plan(dashboard("d", 2), Map.of(), range("2026-01-01T12:00:00Z"), p -> true);
            var first = r.refresh(plan);
            var second = r.refresh(plan);
            assertThat(second).isSameAs(first);
            assertThat(ex.calls).hasSize(2);
            ex.calls.forEach(c -> c.answer("a"));
            assertThat(first.join()).hasSize(2);
            assertThat(r.stats().coalescedRefreshes()).isEqualTo(1);
            assertThat(r.stats().requests()).isEqualTo(2);
        }
    }

    @Test
    void switchingDashboardsCancelsWhatIsInFlight() {
        RecordingExecutor ex = new RecordingExecutor();
        try (DashboardRefresher r = DashboardRefresher.builder(ex).maxInFlightPerSource(1).build()) {
            var first = r.refresh(PLANNER.plan(dashboard("a", 3), Map.of(), range("2026-01-01T12:00:00Z"), p -> true));
            assertThat(ex.calls).hasSize(1);
            var second = r.refresh(PLANNER.plan(dashboard("b", 1), Map.of(), range("2026-01-01T12:00:00Z"), p -> true));
            assertThat(first).isCancelled();
            assertThat(ex.call(0).future()).isCancelled();
            // the queued requests of dashboard a were dropped, not sent
            assertThat(ex.calls).hasSize(2);
            ex.call(1).answer("x");
            assertThat(second.join()).containsOnlyKeys(1);
            assertThatThrownBy(first::join).isInstanceOf(CancellationException.class);
        }
    }

    @Test
    void aFailingQueryOnlyFailsItsOwnPanel() {
        RecordingExecutor ex = new RecordingExecutor();
        try (DashboardRefresher r = DashboardRefresher.builder(ex).build()) {
            var result = r.refresh(PLANNER.plan(dashboard("d", 2), Map.of(), range("2026-01-01T12:00:00Z"), p -> true));
            ex.call(0).future().completeExceptionally(new IllegalStateException("bad_data: parse error"));
            ex.call(1).answer("web-1", "web-2");
            Map<Integer, PanelResult> panels = result.join();
            assertThat(panels.get(1).errors()).containsExactly("A: bad_data: parse error");
            assertThat(panels.get(1).frame().series()).isEmpty();
            assertThat(panels.get(2).failed()).isFalse();
            assertThat(panels.get(2).frame().series()).extracting(Series::name)
                    .containsExactly("{instance=\"web-1\"}", "{instance=\"web-2\"}");
            assertThat(r.stats().failedRequests()).isEqualTo(1);
        }
    }

    @Test
    void afterTheFirstLoadOnlyTheNewTailIsFetchedAndMerged() {
        RecordingExecutor ex = new RecordingExecutor();
        try (DashboardRefresher r = DashboardRefresher.builder(ex).overlapSteps(2).build()) {
            QueryPlan first = PLANNER.plan(dashboard("d", 1), Map.of(), range("2026-01-01T12:00:00Z"), p -> true);
            var f1 = r.refresh(first);
            ex.call(0).answer("a");
            Series full1 = f1.join().get(1).frame().series().get(0);
            assertThat(full1.size()).isEqualTo(241); // 1 h at 15 s, both ends included

            QueryPlan second = PLANNER.plan(dashboard("d", 1), Map.of(), range("2026-01-01T12:01:00Z"), p -> true);
            var f2 = r.refresh(second);
            Call tail = ex.call(1);
            // previous end 12:00:00 minus 2 steps of 15 s
            assertThat(tail.start()).isEqualTo(Instant.parse("2026-01-01T11:59:30Z"));
            assertThat(tail.end()).isEqualTo(Instant.parse("2026-01-01T12:01:00Z"));
            tail.answer("a");
            Series merged = f2.join().get(1).frame().series().get(0);
            assertThat(merged.size()).isEqualTo(241);
            assertThat(merged.timestamp(0)).isEqualTo(Instant.parse("2026-01-01T11:01:00Z").toEpochMilli());
            assertThat(merged.timestamp(240)).isEqualTo(Instant.parse("2026-01-01T12:01:00Z").toEpochMilli());
            for (int i = 1; i < merged.size(); i++) {
                assertThat(merged.timestamp(i) - merged.timestamp(i - 1)).isEqualTo(15_000);
            }

            RefreshStats s = r.stats();
            assertThat(s.requestedSteps()).isEqualTo(241 + 7);
            assertThat(s.fullSteps()).isEqualTo(241 + 241);
            assertThat(s.pointsReceived()).isEqualTo(241 + 7);
            assertThat(s.fullPoints()).isEqualTo(241 + 241);
            assertThat(s.pointsSaved()).isBetween(0.48, 0.49);
        }
    }

    @Test
    void seriesThatDisappearKeepTheirOldPointsInsideTheRange() {
        Frame old = new Frame(List.of(new Series("", Map.of("i", "gone"), "A", new long[]{0, 10, 20, 30},
                new double[]{1, 2, 3, 4})));
        Frame fresh = new Frame(List.of(new Series("", Map.of("i", "new"), "A", new long[]{30, 40},
                new double[]{5, 6})));
        Frame merged = TailMerge.merge(old, fresh, 10, 30);
        assertThat(merged.series()).hasSize(2);
        assertThat(merged.series().get(0).timestamps()).containsExactly(10, 20);
        assertThat(merged.series().get(1).timestamps()).containsExactly(30, 40);
    }
}
