package io.opsdeck.console.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsdeck.alerts.AlertAction;
import io.opsdeck.alerts.AlertActionListener;
import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.http.HttpClients;
import io.opsdeck.http.TransportErrors;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Executor;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every silence and acknowledgement made from the console to the agent's audit log
 * ({@code POST /api/v1/audit}, kind {@code acknowledge}, {@code silence_create}, ...). Posting happens on
 * {@code executor} so the operator never waits for the agent; a failure is logged with the action, never thrown.
 */
final class AgentAuditListener implements AlertActionListener {

    private static final Logger LOG = LoggerFactory.getLogger(AgentAuditListener.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final HttpUrl url;
    private final OkHttpClient http;
    private final Executor executor;

    /** @param http made with {@link HttpClients#forSource} for {@code connection}; the caller closes it */
    AgentAuditListener(ConnectionSettings connection, OkHttpClient http, Executor executor) {
        this.url = HttpClients.resolve(connection, "api/v1/audit");
        this.http = http;
        this.executor = executor;
    }

    @Override
    public void onAction(AlertAction a) {
        String body = body(a).toString();
        executor.execute(() -> post(a, body));
    }

    static ObjectNode body(AlertAction a) {
        ObjectNode root = AgentJson.MAPPER.createObjectNode().put("kind", a.kind().name().toLowerCase(Locale.ROOT));
        ObjectNode d = root.putObject("details");
        d.put("operator", a.actor());
        d.put("cluster", a.cluster());
        d.put("silence", a.silenceId());
        if (a.replacedId() != null) {
            d.put("replaces", a.replacedId());
        }
        var matchers = d.putArray("matchers");
        a.matchers().forEach(m -> matchers.add(m.toString()));
        d.put("comment", a.comment());
        d.put("at", a.at().toString());
        if (a.endsAt() != null) {
            d.put("endsAt", a.endsAt().toString());
        }
        return root;
    }

    private void post(AlertAction a, String body) {
        Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 201) {
                LOG.warn("agent ({}) did not audit {} of silence {} by {}: HTTP {}", TransportErrors.safeUrl(url), a.kind(),
                        a.silenceId(), a.actor(), response.code());
            }
        } catch (IOException e) {
            LOG.warn("{}: {} of silence {} by {} is not in the agent's audit log", TransportErrors.describe("agent", url, e),
                    a.kind(), a.silenceId(), a.actor());
        }
    }
}
