package io.opsdeck.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Client for the Prometheus HTTP API (also VictoriaMetrics and other compatible servers). Query answers are
 * decoded with a streaming parser into compact {@link Series}; every failure is a {@link PrometheusException}
 * naming this source. Thread-safe; share one per server.
 *
 * <pre>{@code
 * try (PrometheusClient client = PrometheusClient.builder(URI.create("http://127.0.0.1:9090"))
 *         .name("main")
 *         .build()) {
 *     QueryResult up = client.query("up", null);
 *     for (Series s : up.series()) {
 *         System.out.println(s.labels() + " " + s.lastValue());
 *     }
 * }
 * }</pre>
 */
public final class PrometheusClient implements Closeable {

    /** Default for {@link Builder#timeout(Duration)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Default for {@link Builder#maxResponseBytes(long)}: 256 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L << 20;
    /** Default for {@link Builder#postThreshold(int)}. */
    public static final int DEFAULT_POST_THRESHOLD = 4096;

    private final String name;
    private final URI baseUrl;
    private final OkHttpClient http;
    private final boolean ownsHttp;
    private final Transport transport;

    private PrometheusClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.name = b.name != null ? b.name : b.baseUrl.getHost() + (b.baseUrl.getPort() == -1 ? "" : ":" + b.baseUrl.getPort());
        this.ownsHttp = b.httpClient == null;
        OkHttpClient.Builder http = b.httpClient == null ? new OkHttpClient.Builder() : b.httpClient.newBuilder();
        // newBuilder() shares the caller's connection pool, dispatcher, TLS and auth; only the timeouts change.
        this.http = http.callTimeout(b.timeout).readTimeout(b.timeout)
                .connectTimeout(b.timeout.compareTo(Duration.ofSeconds(10)) < 0 ? b.timeout : Duration.ofSeconds(10))
                .build();
        HttpUrl base = HttpUrl.get(b.baseUrl);
        this.transport = new Transport(name, base, this.http, b.timeout, b.maxResponseBytes, b.postThreshold);
    }

    /** A builder for the server at {@code baseUrl} (e.g. http://127.0.0.1:9090, may include a path prefix). */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    public String name() {
        return name;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** Instant query at {@code time}, or at the server's now when {@code time} is null. */
    public QueryResult query(String expr, Instant time) {
        return transport.execute(ApiRequests.instant(expr, time), QueryResultDecoder::decode);
    }

    public CompletableFuture<QueryResult> queryAsync(String expr, Instant time) {
        return transport.executeAsync(ApiRequests.instant(expr, time), QueryResultDecoder::decode);
    }

    /** Range query over [start, end] every {@code step}. */
    public QueryResult queryRange(String expr, Instant start, Instant end, Duration step) {
        return transport.execute(ApiRequests.range(expr, start, end, step), QueryResultDecoder::decode);
    }

    /** Like {@link #queryRange}; {@code cancel(true)} on the future cancels the HTTP call. */
    public CompletableFuture<QueryResult> queryRangeAsync(String expr, Instant start, Instant end, Duration step) {
        return transport.executeAsync(ApiRequests.range(expr, start, end, step), QueryResultDecoder::decode);
    }

    /** Label sets of the series matching any selector in {@code match}; start and end may be null. */
    public List<Labels> series(List<String> match, Instant start, Instant end) {
        if (match.isEmpty()) {
            throw new IllegalArgumentException("series() needs at least one match[] selector");
        }
        return data(List.of("api", "v1", "series"), ApiRequests.matchParams(match, start, end), ApiJson::labelSets);
    }

    /** Label names, optionally limited to series matching {@code match} (may be empty) and a time window. */
    public List<String> labelNames(List<String> match, Instant start, Instant end) {
        return data(List.of("api", "v1", "labels"), ApiRequests.matchParams(match, start, end), ApiJson::strings);
    }

    /** Values of label {@code label}, optionally limited like {@link #labelNames}. */
    public List<String> labelValues(String label, List<String> match, Instant start, Instant end) {
        Objects.requireNonNull(label, "label");
        return data(List.of("api", "v1", "label", label, "values"), ApiRequests.matchParams(match, start, end), ApiJson::strings);
    }

    public List<RuleGroup> rules() {
        return data(List.of("api", "v1", "rules"), List.of(), ApiJson::ruleGroups);
    }

    public List<Alert> alerts() {
        return data(List.of("api", "v1", "alerts"), List.of(), ApiJson::alerts);
    }

    /** The active scrape targets. */
    public List<Target> targets() {
        return data(List.of("api", "v1", "targets"), List.of("state", "active"), ApiJson::targets);
    }

    /** Metadata of {@code metric}, or of every metric when null. */
    public List<MetricMetadata> metadata(String metric) {
        return data(List.of("api", "v1", "metadata"), metric == null ? List.of() : List.of("metric", metric),
                ApiJson::metadata);
    }

    public BuildInfo buildInfo() {
        return data(List.of("api", "v1", "status", "buildinfo"), List.of(), ApiJson::buildInfo);
    }

    /** Closes the HTTP client if this client created it; a caller-supplied OkHttpClient stays open. */
    @Override
    public void close() {
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "PrometheusClient[" + name + ", " + PrometheusException.redact(baseUrl) + "]";
    }

    private <T> T data(List<String> path, List<String> params, Function<JsonNode, T> map) {
        return transport.execute(new Transport.Exchange(path, params), body -> ApiJson.data(body, map));
    }

    /** Settings with documented defaults. */
    public static final class Builder {
        private final URI baseUrl;
        private String name;
        private OkHttpClient httpClient;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private int postThreshold = DEFAULT_POST_THRESHOLD;

        private Builder(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            String scheme = baseUrl.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("a Prometheus URL needs http:// or https:// and a host, got "
                        + PrometheusException.redact(baseUrl));
            }
            this.baseUrl = baseUrl;
        }

        /** Name used in every error message. Default: host:port of the URL. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The HTTP client carrying auth, TLS, proxy and headers. Default: a plain OkHttpClient owned (and closed)
         * by this client. A supplied client is shared, not closed; its call and read timeouts become {@link #timeout}.
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** Whole-call timeout: connect, send, wait and read the body. Default 30 s. */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Larger bodies are refused with a {@link PrometheusException.Kind#TOO_LARGE} error. Default 256 MiB. */
        public Builder maxResponseBytes(long maxResponseBytes) {
            if (maxResponseBytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive, got " + maxResponseBytes);
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        /** Requests use GET unless the encoded query string is longer than this, then a POST form. Default 4096. */
        public Builder postThreshold(int postThreshold) {
            if (postThreshold < 0) {
                throw new IllegalArgumentException("postThreshold must not be negative, got " + postThreshold);
            }
            this.postThreshold = postThreshold;
            return this;
        }

        public PrometheusClient build() {
            return new PrometheusClient(this);
        }
    }
}
