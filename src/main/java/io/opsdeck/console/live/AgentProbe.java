package io.opsdeck.console.live;

import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.http.HttpClients;
import io.opsdeck.http.TransportErrors;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** {@code GET <agent>/health}: HTTP 200 is healthy; anything else is one sentence naming the agent and the answer. */
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
        HttpUrl url = HttpClients.resolve(connection, "health");
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (response.code() == 401 || response.code() == 403) {
                throw new SourceException("agent (" + TransportErrors.safeUrl(url) + "): HTTP " + response.code()
                        + ", the token was refused; check agent.token");
            }
            if (response.code() != 200) {
                throw new SourceException("agent (" + TransportErrors.safeUrl(url) + "): HTTP " + response.code());
            }
        } catch (IOException e) {
            throw new SourceException(TransportErrors.describe("agent", url, e), e);
        }
    }
}
