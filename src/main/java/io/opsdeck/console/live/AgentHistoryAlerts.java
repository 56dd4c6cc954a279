package io.opsdeck.console.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.console.AgentException;
import io.opsdeck.console.AlertEvent;
import io.opsdeck.console.AlertHistory;
import io.opsdeck.console.ResolvedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/** {@link AlertHistory} over the agent's {@code /api/v1/alerts/resolved} and {@code /api/v1/alerts/{fp}/history}. */
final class AgentHistoryAlerts implements AlertHistory {

    private final AgentHistoryClient client;

    AgentHistoryAlerts(AgentHistoryClient client) {
        this.client = client;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public List<ResolvedRecord> resolvedSince(Instant since) throws AgentException {
        HttpUrl url = client.url(Map.of("since", String.valueOf(since.toEpochMilli())), "alerts", "resolved");
        JsonNode body = list(url, client.get(url).body());
        List<ResolvedRecord> out = new ArrayList<>(body.size());
        for (JsonNode r : body) {
            Map<String, String> labels = new LinkedHashMap<>();
            r.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            JsonNode firing = r.get("firingSince");
            out.add(new ResolvedRecord(AgentHistoryClient.need(url, r, "fingerprint").asText(),
                    AgentHistoryClient.text(r, "alertname"), AgentHistoryClient.text(r, "severity"), labels,
                    Instant.ofEpochMilli(AgentHistoryClient.need(url, r, "at").asLong()),
                    firing == null || firing.isNull() ? null : Instant.ofEpochMilli(firing.asLong()),
                    AgentHistoryClient.text(r, "cluster"), AgentHistoryClient.text(r, "alertmanager")));
        }
        return out;
    }

    /** The agent answers 404 for an alert it never saw: that is an empty history, not an error. */
    @Override
    public List<AlertEvent> events(String fingerprint) throws AgentException {
        HttpUrl url = client.url(Map.of(), "alerts", fingerprint, "history");
        AgentHistoryClient.Answer a = client.get(url, 404);
        if (a.code() == 404) {
            return List.of();
        }
        JsonNode body = list(url, a.body());
        List<AlertEvent> out = new ArrayList<>(body.size());
        for (JsonNode e : body) {
            out.add(new AlertEvent(AgentHistoryClient.text(e, "fingerprint"), AgentHistoryClient.text(e, "state"),
                    Instant.ofEpochMilli(AgentHistoryClient.need(url, e, "at").asLong()), AgentHistoryClient.text(e, "actor"),
                    AgentHistoryClient.text(e, "details")));
        }
        return out.reversed();
    }

    private static JsonNode list(HttpUrl url, JsonNode body) throws AgentException {
        if (!body.isArray()) {
            throw new AgentException(AgentHistoryClient.where(url) + "unexpected answer: expected a list");
        }
        return body;
    }
}
