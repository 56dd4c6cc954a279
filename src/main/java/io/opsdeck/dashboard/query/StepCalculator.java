package io.opsdeck.dashboard.query;

import io.opsdeck.dashboard.Intervals;
import java.time.Duration;

/**
 * Query step as Grafana computes it for Prometheus: range / resolution (panel width in pixels or maxDataPoints)
 * rounded to Grafana's nice-interval table, raised to the minimum interval (the query's or panel's
 * {@code interval}, else the scrape interval), then to range / 11,000 (Prometheus refuses more than 11,000 points
 * per series) and to at least one second.
 */
public final class StepCalculator {

    /** Prometheus' limit of points per series in a range query. */
    public static final int MAX_POINTS = 11_000;

    private StepCalculator() {
    }

    /**
     * @param range          length of the time range
     * @param resolution     panel width in pixels, or maxDataPoints when set
     * @param minInterval    query/panel minimum interval, null when none
     * @param scrapeInterval the source's scrape interval, the default minimum
     */
    public static Duration step(Duration range, int resolution, Duration minInterval, Duration scrapeInterval) {
        Duration low = minInterval != null ? minInterval : scrapeInterval;
        long ms = Intervals.calculate(range, resolution, low).toMillis();
        double safeSeconds = range.toMillis() / 1000.0 / MAX_POINTS;
        if (safeSeconds > 1) {
            safeSeconds = Math.ceil(safeSeconds);
        }
        ms = Math.max(ms, Math.round(safeSeconds * 1000));
        return Duration.ofMillis(Math.max(ms, 1000));
    }

    /** Start aligned down to a multiple of the step (epoch based), like Grafana's alignRange. */
    public static long alignStart(long startMs, long stepMs) {
        return Math.floorDiv(startMs, stepMs) * stepMs;
    }

    /** End aligned down to a multiple of the step, like Grafana's alignRange. */
    public static long alignEnd(long endMs, long stepMs) {
        return Math.floorDiv(endMs, stepMs) * stepMs;
    }
}
