package io.opsdeck.console.live;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerException;
import io.opsdeck.alertmanager.AlertmanagerStatus;
import io.opsdeck.console.ConnectionTestResult;
import io.opsdeck.console.ConnectionTester;
import io.opsdeck.console.SecretRef;
import io.opsdeck.console.SourceSettings;
import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.http.HttpClients;
import io.opsdeck.prometheus.BuildInfo;
import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.prometheus.PrometheusException;
import io.opsdeck.util.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Settings view's "Test connection" through the real clients: Prometheus' build info, Alertmanager's status,
 * the agent's {@code /health}. The bearer token comes from the settings' secret reference and is never shown.
 *
 * <pre>{@code
 * ConnectionTestResult r = new ClientConnectionTester(Duration.ofSeconds(5), clock, System.getenv()).test(settings);
 * }</pre>
 */
public final class ClientConnectionTester implements ConnectionTester {

    private final Duration timeout;
    private final Clock clock;
    private final Map<String, String> env;

    /**
     * @param timeout per test; 5 s is a good default
     * @param env     where {@code ${VAR}} secret references are looked up
     */
    public ClientConnectionTester(Duration timeout, Clock clock, Map<String, String> env) {
        this.timeout = timeout;
        this.clock = clock;
        this.env = Map.copyOf(env);
    }

    @Override
    public ConnectionTestResult test(SourceSettings source) {
        Instant start = clock.instant();
        HttpUrl url = HttpUrl.parse(source.url());
        if (url == null) {
            return ConnectionTestResult.failed("'" + source.url() + "' is not an http(s) URL, e.g. http://127.0.0.1:9090",
                    took(start));
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            return ConnectionTestResult.failed("the URL must not carry credentials; use a secret reference", took(start));
        }
        ConnectionSettings.Builder b = ConnectionSettings.builder(source.name(), url).timeout(timeout).connectTimeout(timeout);
        try {
            Secret token = token(source.secret());
            if (token != null) {
                b.bearerToken(token);
            }
        } catch (IOException e) {
            return ConnectionTestResult.failed(source.name() + ": " + e.getMessage(), took(start));
        }
        ConnectionSettings settings = b.build();
        OkHttpClient http = HttpClients.forSource(settings);
        try {
            String answer = switch (source.kind()) {
                case PROMETHEUS -> prometheus(settings, http);
                case ALERTMANAGER -> alertmanager(settings, http);
                case AGENT -> {
                    new AgentProbe(settings, http).check();
                    yield "the agent answered";
                }
            };
            return ConnectionTestResult.ok(answer, took(start));
        } catch (PrometheusException | AlertmanagerException | SourceException e) {
            return ConnectionTestResult.failed(e.getMessage(), took(start));
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private String prometheus(ConnectionSettings settings, OkHttpClient http) {
        try (PrometheusClient client = PrometheusClient.builder(settings.url().uri()).name(settings.name())
                .httpClient(http).timeout(timeout).build()) {
            BuildInfo info = client.buildInfo();
            return "Prometheus " + info.version() + " answered";
        }
    }

    private String alertmanager(ConnectionSettings settings, OkHttpClient http) {
        try (AlertmanagerClient client = AlertmanagerClient.builder(settings.url().uri()).name(settings.name())
                .httpClient(http).timeout(timeout).build()) {
            AlertmanagerStatus status = client.status();
            return "Alertmanager " + status.version() + " answered (cluster " + status.clusterStatus() + ", "
                    + status.peers().size() + " peer" + (status.peers().size() == 1 ? "" : "s") + ")";
        }
    }

    private Secret token(SecretRef ref) throws IOException {
        if (ref == null) {
            return null;
        }
        return switch (ref.kind()) {
            case ENV -> {
                String v = env.get(ref.location());
                if (v == null) {
                    throw new IOException("environment variable " + ref.location() + " is not set");
                }
                yield Secret.of(v.strip());
            }
            case FILE -> {
                Path file = Path.of(ref.location());
                if (!Files.isReadable(file)) {
                    throw new IOException("secret file " + file + " cannot be read");
                }
                yield Secret.of(Files.readString(file).strip());
            }
            case KEYRING -> throw new IOException("the OS keyring is not available on this desktop");
        };
    }

    private Duration took(Instant start) {
        return Duration.between(start, clock.instant());
    }
}
