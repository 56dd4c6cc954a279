package io.opsdeck.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardPanel;
import io.opsdeck.dashboard.DatasourceRef;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.Target;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.variables.VariableValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryPlannerTest {

    static final TimeRange RANGE = TimeRange.last(Duration.ofHours(1), Instant.parse("2026-01-01T12:00:07Z"));

    static Panel panel(int id, int width, String source, Target... targets) {
        return new Panel(id, "timeseries", "p" + id, "", new GridPos(0, 0, width, 8),
                new DatasourceRef("prometheus", source), List.of(targets), null, null, null, null, "", 0);
    }

    static Dashboard dashboard(String id, DashboardPanel... panels) {
        return new Dashboard(id, id, null, null, List.of(panels), null, null, null, null);
    }

    private static final QueryPlanner PLANNER = QueryPlanner.builder().dashboardWidthPx(1600).build();

    @Test
    void identicalQueriesOfDifferentPanelsAreSentOnce() {
        Dashboard d = dashboard("d",
                panel(1, 12, "prod", Target.range("A", "up"), Target.range("B", "rate(x[$__rate_interval])")),
                panel(2, 12, "prod", Target.range("A", "up")),
                panel(3, 12, "lab", Target.range("A", "up")),
                panel(4, 24, "prod", Target.range("A", "up")));
        QueryPlan plan = PLANNER.plan(d, Map.of(), RANGE, p -> true);
        assertThat(plan.queries()).hasSize(5);
        // panel 4 is twice as wide (2.25 s -> 2 s) but both steps are raised to the 15 s scrape interval
        Map<QueryKey, List<PanelQuery>> byRequest = plan.byRequest();
        QueryKey upProd = plan.queries().get(0).key();
        assertThat(byRequest.get(upProd)).extracting(PanelQuery::panelId).containsExactly(1, 2, 4);
        assertThat(plan.requests()).hasSize(3);
        assertThat(plan.requests()).extracting(QueryKey::source).containsExactly("prod", "prod", "lab");
    }

    @Test
    void targetsGetTheirStepAlignedRangeAndInterpolatedExpression() {
        Dashboard d = dashboard("d", panel(1, 12, "$ds",
                new Target("A", "rate(node_cpu_seconds_total{instance=~\"$host\"}[$__rate_interval])", "{{cpu}}", false,
                        "1m", null, false)));
        Map<String, VariableValue> vars = Map.of("ds", VariableValue.single("ds", "prod"),
                "host", new VariableValue("host", List.of("a", "b"), false, null, true, List.of()));
        PanelQuery q = PLANNER.plan(d, vars, RANGE, p -> true).queries().get(0);
        assertThat(q.key().source()).isEqualTo("prod");
        assertThat(q.key().stepMs()).isEqualTo(60_000);
        assertThat(q.key().expr()).isEqualTo("rate(node_cpu_seconds_total{instance=~\"(a|b)\"}[75s])");
        assertThat(q.key().startMs() % 60_000).isZero();
        assertThat(q.key().endMs()).isEqualTo(Instant.parse("2026-01-01T12:00:00Z").toEpochMilli());
        assertThat(q.legendFormat()).isEqualTo("{{cpu}}");
    }

    @Test
    void instantQueriesAskForOnePoint() {
        Dashboard d = dashboard("d", panel(1, 6, "prod", new Target("A", "up", "", true, "", null, false)));
        QueryKey k = PLANNER.plan(d, Map.of(), RANGE, p -> true).queries().get(0).key();
        assertThat(k.startMs()).isEqualTo(k.endMs());
        assertThat(k.steps()).isEqualTo(1);
    }

    @Test
    void invisibleAndHiddenAreNotQueriedAndBadIntervalsAreReportedPerPanel() {
        Dashboard d = dashboard("d",
                panel(1, 12, "prod", Target.range("A", "up")),
                panel(2, 12, "prod", Target.range("A", "down")),
                panel(3, 12, "prod", new Target("A", "hidden", "", false, "", null, true)),
                panel(4, 12, "prod", new Target("A", "up", "", false, "$nope", null, false)));
        QueryPlan plan = PLANNER.plan(d, Map.of(), RANGE, p -> p.id() != 2);
        assertThat(plan.skipped()).containsExactly(2);
        assertThat(plan.queries()).extracting(PanelQuery::panelId).containsExactly(1);
        assertThat(plan.errors()).containsOnlyKeys(4);
        assertThat(plan.errors().get(4)).contains("not an interval: '$nope'");
    }
}
