package io.opsdeck.dashboard;

import java.util.List;
import java.util.Map;

/**
 * What variable resolution needs from a metrics source; the application adapts its Prometheus client to this.
 * Implementations throw {@link DashboardException} (or any RuntimeException) on failure; the resolver reports it
 * with the variable's name.
 */
public interface MetricsSource {

    /** Values of {@code label}, restricted to series matching any of {@code matchers} (empty for all). */
    List<String> labelValues(String label, List<String> matchers, TimeRange range);

    /** Label names of series matching any of {@code matchers} (empty for all). */
    List<String> labelNames(List<String> matchers, TimeRange range);

    /** All metric names. */
    List<String> metricNames(TimeRange range);

    /** Instant query result at the end of {@code range}. */
    List<Sample> instantQuery(String expr, TimeRange range);

    /**
     * One instant sample.
     *
     * @param labels    series labels including {@code __name__} when present
     * @param value     the value
     * @param timestamp seconds since the epoch
     */
    record Sample(Map<String, String> labels, double value, double timestamp) {
        public Sample {
            labels = Map.copyOf(labels);
        }
    }
}
