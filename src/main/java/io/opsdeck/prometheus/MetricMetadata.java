package io.opsdeck.prometheus;

/** One entry of {@code /api/v1/metadata}: a metric's type (counter, gauge, ...), help text and unit. */
public record MetricMetadata(String metric, String type, String help, String unit) {
}
