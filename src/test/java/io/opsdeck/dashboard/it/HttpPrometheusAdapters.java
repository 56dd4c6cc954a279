package io.opsdeck.dashboard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opsdeck.dashboard.MetricsSource;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import io.opsdeck.dashboard.query.RangeQueryExecutor;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Minimal test-only adapters of OpsDeck's dashboard interfaces to Prometheus' HTTP API, so the dashboard logic can
 * be exercised against a real server (the application uses the full Prometheus client instead).
 */
final class HttpPrometheusAdapters implements MetricsSource, RangeQueryExecutor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    HttpPrometheusAdapters(String base) {
        this.base = base;
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return check(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode check(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (!"success".equals(n.path("status").asText())) {
                throw new IllegalStateException(n.path("errorType").asText() + ": " + n.path("error").asText());
            }
            return n.path("data");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String matchParams(List<String> matchers, TimeRange range) {
        StringBuilder b = new StringBuilder("?start=" + range.from().getEpochSecond() + "&end=" + range.to().getEpochSecond());
        matchers.forEach(m -> b.append("&match[]=").append(enc(m)));
        return b.toString();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    @Override
    public List<String> labelValues(String label, List<String> matchers, TimeRange range) {
        return strings(get("/api/v1/label/" + label + "/values" + matchParams(matchers, range)));
    }

    @Override
    public List<String> labelNames(List<String> matchers, TimeRange range) {
        return strings(get("/api/v1/labels" + matchParams(matchers, range)));
    }

    @Override
    public List<String> metricNames(TimeRange range) {
        return labelValues("__name__", List.of(), range);
    }

    @Override
    public List<Sample> instantQuery(String expr, TimeRange range) {
        List<Sample> out = new ArrayList<>();
        for (JsonNode r : get("/api/v1/query?query=" + enc(expr) + "&time=" + range.to().getEpochSecond()).path("result")) {
            out.add(new Sample(labels(r), r.path("value").path(1).asDouble(), r.path("value").path(0).asDouble()));
        }
        return out;
    }

    @Override
    public CompletableFuture<Frame> execute(String source, String expr, Instant start, Instant end, Duration step) {
        String path = "/api/v1/query_range?query=" + enc(expr) + "&start=" + start.toEpochMilli() / 1000.0 + "&end="
                + end.toEpochMilli() / 1000.0 + "&step=" + step.toMillis() / 1000.0;
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                    List<Series> series = new ArrayList<>();
                    for (JsonNode s : check(r.body()).path("result")) {
                        JsonNode values = s.path("values");
                        long[] ts = new long[values.size()];
                        double[] vs = new double[values.size()];
                        for (int i = 0; i < values.size(); i++) {
                            ts[i] = Math.round(values.get(i).path(0).asDouble() * 1000);
                            vs[i] = Double.parseDouble(values.get(i).path(1).asText());
                        }
                        series.add(new Series("", labels(s), "", ts, vs));
                    }
                    return new Frame(series);
                });
    }

    private static Map<String, String> labels(JsonNode r) {
        Map<String, String> m = new HashMap<>();
        r.path("metric").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
