package io.opsdeck.dashboard.variables;

import io.opsdeck.dashboard.TimeRange;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Grafana's built-in variables for one query, as the Prometheus datasource scopes them.
 *
 * @param range          dashboard time range
 * @param interval       the query step ($__interval)
 * @param scrapeInterval the source's scrape interval, used by $__rate_interval
 * @param dashboardTitle $__dashboard
 */
public record BuiltIns(TimeRange range, Duration interval, Duration scrapeInterval, String dashboardTitle) {

    public BuiltIns {
        interval = interval == null ? Duration.ofSeconds(15) : interval;
        scrapeInterval = scrapeInterval == null ? Duration.ofSeconds(15) : scrapeInterval;
        dashboardTitle = dashboardTitle == null ? "" : dashboardTitle;
    }

    /**
     * {@code $__rate_interval} in milliseconds: max(interval + scrape interval, 4 * scrape interval), which is how
     * Grafana guarantees at least four samples in every rate window.
     */
    public long rateIntervalMs() {
        return Math.max(interval.toMillis() + scrapeInterval.toMillis(), 4 * scrapeInterval.toMillis());
    }

    /** name (without $) -> text. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("__interval", millisText(interval.toMillis()));
        m.put("__interval_ms", Long.toString(interval.toMillis()));
        m.put("__rate_interval", millisText(rateIntervalMs()));
        m.put("__rate_interval_ms", Long.toString(rateIntervalMs()));
        if (range != null) {
            long ms = range.length().toMillis();
            long s = Math.round(ms / 1000.0);
            m.put("__range", s + "s");
            m.put("__range_s", Long.toString(s));
            m.put("__range_ms", Long.toString(ms));
            m.put("__from", Long.toString(range.from().toEpochMilli()));
            m.put("__to", Long.toString(range.to().toEpochMilli()));
        }
        m.put("__dashboard", dashboardTitle);
        return m;
    }

    // Grafana's Prometheus datasource writes intervals as seconds ("60s"), keeping PromQL-valid durations.
    private static String millisText(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
