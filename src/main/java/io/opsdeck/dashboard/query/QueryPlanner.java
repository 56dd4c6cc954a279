package io.opsdeck.dashboard.query;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.Intervals;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.Target;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.variables.BuiltIns;
import io.opsdeck.dashboard.variables.TemplateInterpolator;
import io.opsdeck.dashboard.variables.VariableValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns a dashboard (repeats already expanded), resolved variables and a time range into a {@link QueryPlan}: per
 * visible panel and target the source, step ({@link StepCalculator}), aligned range and interpolated PromQL.
 *
 * <pre>{@code
 * QueryPlanner planner = QueryPlanner.builder().dashboardWidthPx(1600).build();
 * QueryPlan plan = planner.plan(dashboard, variables, range, panel -> visibleIds.contains(panel.id()));
 * }</pre>
 */
public final class QueryPlanner {

    private final int dashboardWidthPx;
    private final Function<String, Duration> scrapeIntervals;

    private QueryPlanner(Builder b) {
        this.dashboardWidthPx = b.dashboardWidthPx;
        this.scrapeIntervals = b.scrapeIntervals;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Plans every visible panel; panels for which {@code visible} is false are listed as skipped. */
    public QueryPlan plan(Dashboard d, Map<String, VariableValue> variables, TimeRange range,
                          Predicate<Panel> visible) {
        List<PanelQuery> queries = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        Map<Integer, String> errors = new LinkedHashMap<>();
        TemplateInterpolator plain = new TemplateInterpolator(variables, new BuiltIns(range, null, null, d.title()));
        for (Panel p : d.queryPanels()) {
            if (p.targets().isEmpty()) {
                continue;
            }
            if (!visible.test(p)) {
                skipped.add(p.id());
                continue;
            }
            for (Target t : p.targets()) {
                if (t.hidden() || t.expr().isBlank()) {
                    continue;
                }
                try {
                    queries.add(planTarget(d, p, t, variables, range, plain));
                } catch (IllegalArgumentException e) {
                    errors.put(p.id(), "query " + t.refId() + ": " + e.getMessage());
                }
            }
        }
        return new QueryPlan(d.id(), queries, skipped, errors);
    }

    private PanelQuery planTarget(Dashboard d, Panel p, Target t, Map<String, VariableValue> variables,
                                  TimeRange range, TemplateInterpolator plain) {
        String source = plain.interpolate(p.sourceOf(t).source(), TemplateInterpolator.DefaultFormat.RAW);
        Duration scrape = scrapeIntervals.apply(source);
        String minText = !t.interval().isBlank() ? t.interval() : p.minInterval();
        Duration min = null;
        if (!minText.isBlank()) {
            String resolved = plain.interpolate(minText, TemplateInterpolator.DefaultFormat.RAW);
            min = Intervals.parse(resolved);
        }
        int resolution = p.maxDataPoints() > 0 ? p.maxDataPoints() : p.gridPos().widthPx(dashboardWidthPx);
        Duration step = StepCalculator.step(range.length(), resolution, min, scrape);
        long stepMs = step.toMillis();
        long end = StepCalculator.alignEnd(range.to().toEpochMilli(), stepMs);
        long start = t.instant() ? end : StepCalculator.alignStart(range.from().toEpochMilli(), stepMs);
        BuiltIns builtIns = new BuiltIns(range, step, scrape, d.title());
        String expr = new TemplateInterpolator(variables, builtIns).interpolate(t.expr());
        return new PanelQuery(p.id(), t.refId(), plain.interpolate(t.legendFormat(),
                TemplateInterpolator.DefaultFormat.RAW), new QueryKey(source, expr, start, end, stepMs));
    }

    /** Builder with documented defaults. */
    public static final class Builder {
        private int dashboardWidthPx = 1600;
        private Function<String, Duration> scrapeIntervals = s -> Duration.ofSeconds(15);

        /** Width of the whole dashboard in pixels; default 1600. */
        public Builder dashboardWidthPx(int px) {
            this.dashboardWidthPx = Math.max(24, px);
            return this;
        }

        /** Scrape interval per source name; default 15 s for every source (Grafana's default). */
        public Builder scrapeIntervals(Function<String, Duration> f) {
            this.scrapeIntervals = f;
            return this;
        }

        public QueryPlanner build() {
            return new QueryPlanner(this);
        }
    }
}
