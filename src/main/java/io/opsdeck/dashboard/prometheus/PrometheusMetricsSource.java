package io.opsdeck.dashboard.prometheus;

import io.opsdeck.dashboard.MetricsSource;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.prometheus.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Variable queries ({@code label_values}, {@code label_names}, {@code metrics}, {@code query_result}) answered by
 * one Prometheus. Blocking: call it off the UI thread. Errors are the client's exceptions, which name the server.
 *
 * <pre>{@code
 * MetricsSource src = new PrometheusMetricsSource(client);
 * List<String> hosts = src.labelValues("instance", List.of("up{job=\"node\"}"), range);
 * }</pre>
 */
public final class PrometheusMetricsSource implements MetricsSource {

    private final PrometheusClient client;

    public PrometheusMetricsSource(PrometheusClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<String> labelValues(String label, List<String> matchers, TimeRange range) {
        return client.labelValues(label, matchers, range.from(), range.to());
    }

    @Override
    public List<String> labelNames(List<String> matchers, TimeRange range) {
        return client.labelNames(matchers, range.from(), range.to());
    }

    @Override
    public List<String> metricNames(TimeRange range) {
        return client.labelValues("__name__", List.of(), range.from(), range.to());
    }

    @Override
    public List<Sample> instantQuery(String expr, TimeRange range) {
        QueryResult r = client.query(expr, range.to());
        List<Sample> out = new ArrayList<>(r.series().size());
        for (io.opsdeck.prometheus.Series s : r.series()) {
            if (!s.isEmpty()) {
                out.add(new Sample(s.labels().asMap(), s.lastValue(), s.timestamp(s.size() - 1) / 1000.0));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "PrometheusMetricsSource[" + client + "]";
    }
}
