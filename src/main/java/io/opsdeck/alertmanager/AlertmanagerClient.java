package io.opsdeck.alertmanager;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.Closeable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Client for one Alertmanager's API v2. Thread-safe; every call is synchronous, bounded by {@code timeout}, and
 * fails with an {@link AlertmanagerException} that names this source.
 *
 * <pre>{@code
 * try (AlertmanagerClient am = AlertmanagerClient.builder(URI.create("http://127.0.0.1:9093"))
 *         .name("am-eu-1")
 *         .timeout(Duration.ofSeconds(5))
 *         .build()) {
 *     List<Alert> firing = am.alerts(AlertQuery.activeOnly().withFilter(List.of(Matcher.parse("severity=critical"))));
 *     String id = am.createOrUpdateSilence(SilenceSpec.of(List.of(Matcher.parse("instance=db-1")),
 *             Duration.ofHours(1), "ana", "disk swap"));
 * }
 * }</pre>
 */
public final class AlertmanagerClient implements Closeable {

    /** Default for {@link Builder#timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default for {@link Builder#maxResponseBytes}: 32 MiB, room for tens of thousands of alerts. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final String name;
    private final URI baseUrl;
    private final HttpUrl api;
    private final Duration timeout;
    private final Transport transport;
    private final OkHttpClient ownedClient;

    private AlertmanagerClient(Builder b) {
        this.baseUrl = b.baseUrl;
        HttpUrl parsed = HttpUrl.get(b.baseUrl);
        this.api = parsed.newBuilder().addPathSegments("api/v2").build();
        this.name = b.name != null ? b.name : parsed.host() + ":" + parsed.port();
        this.timeout = b.timeout;
        this.ownedClient = b.httpClient == null ? new OkHttpClient() : null;
        OkHttpClient base = b.httpClient != null ? b.httpClient : ownedClient;
        // The read timeout too: a shared client's (OkHttp's default 10 s) would cut off a large answer early.
        OkHttpClient http = base.newBuilder().callTimeout(b.timeout).readTimeout(b.timeout).build();
        this.transport = new Transport(http, name, b.timeout, b.maxResponseBytes);
    }

    /** A builder for the Alertmanager at {@code baseUrl} (with any path prefix, e.g. {@code http://h/alertmanager}). */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /** The name used in errors and health, by default {@code host:port}. */
    public String name() {
        return name;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Duration timeout() {
        return timeout;
    }

    public AlertmanagerStatus status() {
        return transport.get(url("status"), new TypeReference<Wire.WStatus>() { }, Wire.WStatus::toStatus);
    }

    /** Names of the configured receivers. */
    public List<String> receivers() {
        return transport.get(url("receivers"), new TypeReference<List<Wire.WReceiver>>() { },
                list -> list.stream().map(Wire.WReceiver::name).toList());
    }

    public List<Alert> alerts(AlertQuery query) {
        // decoded while it streams in: with 100,000 alerts the answer is ~70 MB
        return transport.getStreamed(query(url("alerts"), query), AlertsDecoder::decode);
    }

    /** As {@link #alerts(AlertQuery)}, each alert handed to {@code sink} as soon as it is decoded. */
    void alerts(AlertQuery query, java.util.function.Consumer<Alert> sink) {
        transport.getStreamed(query(url("alerts"), query), p -> {
            AlertsDecoder.decode(p, sink);
            return null;
        });
    }

    /**
     * Decodes a saved {@code GET /api/v2/alerts} answer (e.g. from {@code curl}) the way {@link #alerts} does.
     *
     * @throws IOException              when the stream fails or is not JSON
     * @throws IllegalArgumentException when the JSON is not a list of API v2 alerts
     */
    public static List<Alert> decodeAlerts(java.io.InputStream json) throws java.io.IOException {
        try (var parser = Wire.JSON.getFactory().createParser(json)) {
            return AlertsDecoder.decode(parser);
        }
    }

    public List<AlertGroup> alertGroups(AlertQuery query) {
        return transport.get(query(url("alerts/groups"), query), new TypeReference<List<Wire.WAlertGroup>>() { },
                list -> list.stream().map(Wire.WAlertGroup::toGroup).toList());
    }

    /** Sends alerts the way Prometheus does; Alertmanager rejects the whole batch if one is invalid. */
    public void postAlerts(List<PostableAlert> alerts) {
        List<Wire.WPostableAlert> body = alerts.stream().map(Wire.WPostableAlert::of).toList();
        transport.send(new Request.Builder().url(url("alerts").build()).post(json(body)));
    }

    /** Every silence, expired ones included (Alertmanager keeps them for its retention time). */
    public List<Silence> silences() {
        return silences(List.of());
    }

    /**
     * Silences filtered by Alertmanager: each {@code filter} matcher is applied to the label set formed by a silence's
     * equality matchers, so {@code instance="db-1"} finds silences containing {@code instance="db-1"}.
     */
    public List<Silence> silences(List<Matcher> filter) {
        HttpUrl.Builder url = url("silences");
        filter.forEach(m -> url.addQueryParameter("filter", m.toString()));
        return transport.get(url, new TypeReference<List<Wire.WSilence>>() { },
                list -> list.stream().map(Wire.WSilence::toSilence).toList());
    }

    /** The silence, or empty when this Alertmanager does not know the id. */
    public Optional<Silence> silence(String id) {
        Objects.requireNonNull(id, "id");
        Request.Builder request = new Request.Builder().url(url("silence").addPathSegment(id).build()).get();
        return Optional.ofNullable(transport.sendOrNotFound(request, new TypeReference<Wire.WSilence>() { },
                Wire.WSilence::toSilence));
    }

    /**
     * Creates a silence, or updates it when {@code spec.id()} is set, and returns the id Alertmanager answers.
     * Alertmanager 0.25 answers the same id when only the end, comment or author change, and a new id (having
     * expired the old silence) when the matchers change.
     */
    public String createOrUpdateSilence(SilenceSpec spec) {
        Request.Builder request = new Request.Builder().url(url("silences").build())
                .post(json(Wire.WPostableSilence.of(spec)));
        return transport.send(request, new TypeReference<Wire.WSilenceCreated>() { }, created -> {
            if (created.silenceID() == null || created.silenceID().isBlank()) {
                throw new IllegalArgumentException("no silenceID in the answer");
            }
            return created.silenceID();
        });
    }

    /** Expires a silence now; expiring an already expired silence is fine. */
    public void expireSilence(String id) {
        Objects.requireNonNull(id, "id");
        transport.send(new Request.Builder().url(url("silence").addPathSegment(id).build()).delete());
    }

    /** Releases the HTTP client if this client created it; a client passed to the builder stays open. */
    @Override
    public void close() {
        if (ownedClient != null) {
            ownedClient.dispatcher().executorService().shutdown();
            ownedClient.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "AlertmanagerClient[" + name + " " + Transport.safe(api) + "]";
    }

    private HttpUrl.Builder url(String path) {
        return api.newBuilder().addPathSegments(path);
    }

    private static HttpUrl.Builder query(HttpUrl.Builder url, AlertQuery q) {
        q.parameters().forEach(p -> url.addQueryParameter(p.getKey(), p.getValue()));
        return url;
    }

    private static RequestBody json(Object body) {
        try {
            return RequestBody.create(Wire.JSON.writeValueAsBytes(body), JSON_TYPE);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not encode request: " + e.getOriginalMessage(), e);
        }
    }

    /** Settings; every one has a default. */
    public static final class Builder {
        private final URI baseUrl;
        private String name;
        private OkHttpClient httpClient;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            String scheme = baseUrl.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException("Alertmanager URL must be http or https: " + baseUrl.getScheme()
                        + "://" + baseUrl.getHost());
            }
        }

        /** Name in errors and health. Default: {@code host:port} of the URL. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The HTTP client carrying auth, TLS and headers (see {@code io.opsdeck.http.HttpClients}). Default: a plain
         * {@code new OkHttpClient()} owned and closed by this client. A client given here is shared, not closed.
         */
        public Builder httpClient(OkHttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** Limit for a whole call, connect to last byte. Default {@link #DEFAULT_TIMEOUT} (10 s). */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Larger answers are refused rather than buffered. Default {@link #DEFAULT_MAX_RESPONSE_BYTES} (32 MiB). */
        public Builder maxResponseBytes(long maxResponseBytes) {
            if (maxResponseBytes <= 0) {
                throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
            }
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        public AlertmanagerClient build() {
            return new AlertmanagerClient(this);
        }
    }
}
