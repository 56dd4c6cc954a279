package io.opsdeck.console.live;

import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigMap;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.util.Secret;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Where the console reaches the agent: {@code agent: { url: ..., token: ${VAR} }} (or {@code token_file}).
 * Only these keys are read here; the rest of the {@code agent} section belongs to the agent itself.
 *
 * @param connection the agent's base URL and bearer token, for {@link io.opsdeck.http.HttpClients#forSource}
 */
public record AgentEndpoint(ConnectionSettings connection) {

    /** Health checks give up after this long. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The configured agent, or empty when the section has no {@code url}. */
    public static Optional<AgentEndpoint> of(OpsdeckConfig config) throws ConfigException {
        if (config.section("agent").isEmpty()) {
            return Optional.empty();
        }
        return config.section("agent").get().bind(v -> v.asMap().flatMap(AgentEndpoint::read));
    }

    private static Optional<AgentEndpoint> read(ConfigMap m) {
        Optional<HttpUrl> url = m.url("url");
        Optional<Secret> token = m.secret("token");
        if (m.has("token_file")) {
            if (token.isPresent()) {
                m.problem("token_file", "token and token_file are exclusive; keep one");
            }
            token = m.get("token_file").flatMap(v -> v.asSecretFile());
        }
        if (url.isEmpty()) {
            return Optional.empty();
        }
        ConnectionSettings.Builder b = ConnectionSettings.builder("agent", url.get())
                .timeout(TIMEOUT).connectTimeout(TIMEOUT);
        token.ifPresent(b::bearerToken);
        return Optional.of(new AgentEndpoint(b.build()));
    }
}
