package io.opsdeck.dashboard.prometheus;

import io.opsdeck.dashboard.DashboardException;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import io.opsdeck.dashboard.query.RangeQueryExecutor;
import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.prometheus.QueryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Runs dashboard queries on Prometheus clients chosen by source name. {@code start == end} is an instant query;
 * cancelling the returned future cancels the HTTP call. The clients are not closed by this class: their owner
 * closes them.
 *
 * <pre>{@code
 * PrometheusRangeExecutor exec = PrometheusRangeExecutor.builder(prodClient)   // also answers "default"
 *         .source("staging", stagingClient)
 *         .build();
 * Frame f = exec.execute("default", "up", start, end, Duration.ofSeconds(15)).join();
 * }</pre>
 */
public final class PrometheusRangeExecutor implements RangeQueryExecutor {

    /** The name dashboards use for "the default source" (Grafana's null datasource). */
    public static final String DEFAULT = "default";

    private final Map<String, PrometheusClient> clients;
    private final PrometheusClient defaultClient;

    private PrometheusRangeExecutor(Builder b) {
        this.clients = Map.copyOf(b.clients);
        this.defaultClient = b.defaultClient;
    }

    /** Builder; {@code defaultClient} answers the name "default" and its own {@link PrometheusClient#name()}. */
    public static Builder builder(PrometheusClient defaultClient) {
        return new Builder(defaultClient);
    }

    /** The client for a source name, or null when none is configured. */
    public PrometheusClient client(String source) {
        if (source == null || source.isBlank() || DEFAULT.equals(source)) {
            return defaultClient;
        }
        return clients.get(source);
    }

    /** Configured source names, "default" first. */
    public List<String> sourceNames() {
        List<String> names = new ArrayList<>();
        names.add(DEFAULT);
        clients.keySet().stream().sorted().filter(n -> !n.equals(DEFAULT)).forEach(names::add);
        return names;
    }

    @Override
    public CompletableFuture<Frame> execute(String source, String expr, Instant start, Instant end, Duration step) {
        PrometheusClient client = client(source);
        if (client == null) {
            return CompletableFuture.failedFuture(new DashboardException("no Prometheus source named '" + source
                    + "' (configured: " + String.join(", ", sourceNames()) + ")"));
        }
        CompletableFuture<QueryResult> call = start.equals(end) ? client.queryAsync(expr, end)
                : client.queryRangeAsync(expr, start, end, step);
        CompletableFuture<Frame> out = call.thenApply(PrometheusRangeExecutor::toFrame);
        // a dependent future does not cancel its source by itself: pass the cancel on so OkHttp drops the call
        out.whenComplete((v, e) -> {
            if (out.isCancelled()) {
                call.cancel(true);
            }
        });
        return out;
    }

    /** Converts a decoded result: one frame series per Prometheus series, unnamed (the refresher names them). */
    static Frame toFrame(QueryResult result) {
        List<Series> out = new ArrayList<>(result.series().size());
        for (io.opsdeck.prometheus.Series s : result.series()) {
            // two array copies per series (the client hands out copies, the frame record copies again); no boxing
            out.add(new Series("", s.labels().asMap(), "", s.timestamps(), s.values()));
        }
        return new Frame(out);
    }

    /** Builder with documented defaults. */
    public static final class Builder {
        private final PrometheusClient defaultClient;
        private final Map<String, PrometheusClient> clients = new LinkedHashMap<>();

        private Builder(PrometheusClient defaultClient) {
            this.defaultClient = Objects.requireNonNull(defaultClient, "defaultClient");
            clients.put(defaultClient.name(), defaultClient);
        }

        /** Another named source; none by default. */
        public Builder source(String name, PrometheusClient client) {
            clients.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(client, "client"));
            return this;
        }

        public PrometheusRangeExecutor build() {
            return new PrometheusRangeExecutor(this);
        }
    }
}
