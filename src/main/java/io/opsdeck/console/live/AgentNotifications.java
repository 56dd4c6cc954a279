package io.opsdeck.console.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.console.AgentException;
import io.opsdeck.console.NotificationHistory;
import io.opsdeck.console.NotificationPage;
import io.opsdeck.console.NotificationRecord;
import io.opsdeck.console.NotificationSearch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/** {@link NotificationHistory} over the agent's {@code /api/v1/notifications} and {@code .../{id}/resend}. */
final class AgentNotifications implements NotificationHistory {

    private final AgentHistoryClient client;

    AgentNotifications(AgentHistoryClient client) {
        this.client = client;
    }

    @Override
    public boolean configured() {
        return true;
    }

    /** Asks for one row more than the page holds to learn whether there is a next page. */
    @Override
    public NotificationPage search(NotificationSearch q) throws AgentException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("alert", q.alert());
        query.put("channel", q.channel());
        query.put("recipient", q.recipient());
        query.put("status", q.status());
        query.put("since", q.since() == null ? null : String.valueOf(q.since().toEpochMilli()));
        query.put("until", q.until() == null ? null : String.valueOf(q.until().toEpochMilli()));
        query.put("before", q.beforeSeq() == null ? null : String.valueOf(q.beforeSeq()));
        query.put("limit", String.valueOf(q.limit() + 1));
        HttpUrl url = client.url(query, "notifications");
        JsonNode body = client.get(url).body();
        if (!body.isArray()) {
            throw new AgentException(AgentHistoryClient.where(url) + "unexpected answer: expected a list of notifications");
        }
        List<NotificationRecord> items = new ArrayList<>(body.size());
        for (JsonNode n : body) {
            items.add(record(url, n));
        }
        if (items.size() <= q.limit()) {
            return new NotificationPage(items, null);
        }
        List<NotificationRecord> page = items.subList(0, q.limit());
        return new NotificationPage(page, page.getLast().seq());
    }

    @Override
    public NotificationRecord resend(String id) throws AgentException {
        HttpUrl url = client.url(Map.of(), "notifications", id, "resend");
        AgentHistoryClient.Answer a = client.post(url, 404);
        if (a.code() == 404) {
            throw new AgentException(AgentHistoryClient.where(url) + "the agent has no notification " + id
                    + " (purged by retention?)");
        }
        return record(url, a.body());
    }

    static NotificationRecord record(HttpUrl url, JsonNode n) throws AgentException {
        if (!n.isObject()) {
            throw new AgentException(AgentHistoryClient.where(url) + "unexpected answer: a notification is not an object");
        }
        String id = AgentHistoryClient.need(url, n, "id").asText();
        long created = AgentHistoryClient.need(url, n, "createdAt").asLong();
        JsonNode delivered = n.get("deliveredAt");
        List<String> links = new ArrayList<>();
        n.path("links").forEach(l -> links.add(l.isObject() ? l.path("url").asText(l.toString()) : l.asText()));
        return new NotificationRecord(id, n.path("seq").asLong(), AgentHistoryClient.text(n, "fingerprint"),
                AgentHistoryClient.text(n, "alertname"), AgentHistoryClient.text(n, "severity"),
                AgentHistoryClient.text(n, "alertStatus"), AgentHistoryClient.text(n, "channel"),
                AgentHistoryClient.text(n, "recipient"), AgentHistoryClient.text(n, "status"), n.path("attempts").asInt(),
                AgentHistoryClient.text(n, "lastError"), Instant.ofEpochMilli(created),
                delivered == null || delivered.isNull() ? null : Instant.ofEpochMilli(delivered.asLong()),
                AgentHistoryClient.text(n, "subject"), AgentHistoryClient.text(n, "text"), links);
    }
}
