package io.opsdeck.http;

import io.opsdeck.util.Secret;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * How to reach one Prometheus or Alertmanager: URL, timeouts, credentials, extra headers, TLS and proxy.
 * Immutable; build it with {@link #builder(String, HttpUrl)} and turn it into a client with
 * {@link HttpClients#forSource(ConnectionSettings)}. {@link #toString()} names header keys but not their values and
 * shows secrets as {@code Secret[****]}.
 *
 * <pre>{@code
 * ConnectionSettings prom = ConnectionSettings.builder("main", HttpUrl.get("http://127.0.0.1:9090"))
 *         .timeout(Duration.ofSeconds(30))
 *         .bearerToken(Secret.of(token))
 *         .build();
 * OkHttpClient client = HttpClients.forSource(prom);
 * }</pre>
 *
 * @param name the source's name, used in error messages and logs
 * @param url base URL; never carries user info (credentials belong in {@code basicAuth})
 * @param connectTimeout TCP + TLS connect budget; default 10s
 * @param timeout budget for a whole call (connect, send, read); default 30s
 * @param headers extra request headers, sent on every request; values are secrets because they often carry
 *     credentials (API keys, tenant tokens)
 * @param basicAuth basic authentication, if any
 * @param bearerToken bearer token, if any (exclusive with basicAuth)
 * @param tls TLS options; default {@link TlsSettings#DEFAULT}
 * @param proxy HTTP proxy URL, if any
 * @param maxResponseBytes responses longer than this fail with {@link ResponseTooLargeException}; default 256 MiB
 */
public record ConnectionSettings(
        String name,
        HttpUrl url,
        Duration connectTimeout,
        Duration timeout,
        Map<String, Secret> headers,
        Optional<BasicAuth> basicAuth,
        Optional<Secret> bearerToken,
        TlsSettings tls,
        Optional<HttpUrl> proxy,
        long maxResponseBytes) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 256L * 1024 * 1024;

    public ConnectionSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(basicAuth, "basicAuth");
        Objects.requireNonNull(bearerToken, "bearerToken");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(proxy, "proxy");
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            throw new IllegalArgumentException("url must not carry credentials; use basicAuth");
        }
        if (basicAuth.isPresent() && bearerToken.isPresent()) {
            throw new IllegalArgumentException("basicAuth and bearerToken are exclusive");
        }
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
    }

    public static Builder builder(String name, HttpUrl url) {
        return new Builder(name, url);
    }

    /** A builder pre-filled with this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder(name, url);
        b.connectTimeout = connectTimeout;
        b.timeout = timeout;
        b.headers.putAll(headers);
        b.basicAuth = basicAuth.orElse(null);
        b.bearerToken = bearerToken.orElse(null);
        b.tls = tls;
        b.proxy = proxy.orElse(null);
        b.maxResponseBytes = maxResponseBytes;
        return b;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[name=" + name + ", url=" + url + ", connectTimeout=" + connectTimeout
                + ", timeout=" + timeout + ", headers=" + headers.keySet() + ", basicAuth=" + basicAuth
                + ", bearerToken=" + bearerToken + ", tls=" + tls + ", proxy=" + proxy
                + ", maxResponseBytes=" + maxResponseBytes + "]";
    }

    /** Builder with the documented defaults. */
    public static final class Builder {
        private final String name;
        private final HttpUrl url;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration timeout = DEFAULT_TIMEOUT;
        private final Map<String, Secret> headers = new LinkedHashMap<>();
        private BasicAuth basicAuth;
        private Secret bearerToken;
        private TlsSettings tls = TlsSettings.DEFAULT;
        private HttpUrl proxy;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(String name, HttpUrl url) {
            this.name = name;
            this.url = url;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder header(String key, String value) {
            headers.put(key, Secret.of(value));
            return this;
        }

        public Builder headers(Map<String, String> values) {
            values.forEach(this::header);
            return this;
        }

        public Builder basicAuth(String username, Secret password) {
            this.basicAuth = new BasicAuth(username, password);
            return this;
        }

        public Builder bearerToken(Secret token) {
            this.bearerToken = token;
            return this;
        }

        public Builder tls(TlsSettings value) {
            this.tls = value;
            return this;
        }

        public Builder proxy(HttpUrl value) {
            this.proxy = value;
            return this;
        }

        public Builder maxResponseBytes(long value) {
            this.maxResponseBytes = value;
            return this;
        }

        public ConnectionSettings build() {
            return new ConnectionSettings(name, url, connectTimeout, timeout, headers,
                    Optional.ofNullable(basicAuth), Optional.ofNullable(bearerToken), tls,
                    Optional.ofNullable(proxy), maxResponseBytes);
        }
    }
}
