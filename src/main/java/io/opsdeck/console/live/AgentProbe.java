package io.opsdeck.console.live;

import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.http.HttpClients;
import io.opsdeck.http.TransportErrors;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Whether the agent can serve the console: {@code GET <agent>/health/ready} (it answers 503 while it shuts down), then
 * one authenticated read, {@code GET <agent>/api/v1/notifications?limit=1}, because the console's every call carries
 * the token and reads the agent's store: a refused token or a failing store must not leave the indicator green. Any
 * failure is one sentence naming the agent and the answer.
 */
final class AgentProbe implements SourceHealthPoller.Probe {

    private final ConnectionSettings connection;
    private final OkHttpClient http;

    /** @param http made with {@link HttpClients#forSource} for {@code connection}; the caller closes it */
    AgentProbe(ConnectionSettings connection, OkHttpClient http) {
        this.connection = connection;
        this.http = http;
    }

    @Override
    public void check() throws SourceException {
        ask(HttpClients.resolve(connection, "health/ready"));
        ask(HttpClients.resolve(connection, "api/v1/notifications").newBuilder().addQueryParameter("limit", "1").build());
    }

    private void ask(HttpUrl url) throws SourceException {
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (response.code() == 401 || response.code() == 403) {
                throw new SourceException("agent (" + TransportErrors.safeUrl(url) + "): HTTP " + response.code()
                        + ", the token was refused; check agent.token");
            }
            if (response.code() == 503) {
                throw new SourceException("agent (" + TransportErrors.safeUrl(url) + "): HTTP 503, not ready (shutting down?)");
            }
            if (response.code() != 200) {
                throw new SourceException("agent (" + TransportErrors.safeUrl(url) + "): HTTP " + response.code());
            }
        } catch (IOException e) {
            throw new SourceException(TransportErrors.describe("agent", url, e), e);
        }
    }
}
