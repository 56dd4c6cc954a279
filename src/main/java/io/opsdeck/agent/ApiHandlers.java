package io.opsdeck.agent;

import com.sun.net.httpserver.HttpExchange;
import io.opsdeck.notify.Durations;
import io.opsdeck.store.HistoryEntry;
import io.opsdeck.store.Notification;
import io.opsdeck.store.NotificationQuery;
import io.opsdeck.store.ResolvedEntry;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code /api/v1} endpoints for consoles and operators, each checked against the caller's role. */
final class ApiHandlers {

    private static final Pattern RESEND = Pattern.compile("/api/v1/notifications/([^/]+)/resend");
    private static final Pattern HISTORY = Pattern.compile("/api/v1/alerts/([^/]+)/history");
    private static final Pattern ACK = Pattern.compile("/api/v1/alerts/([^/]+)/ack");

    private final Agent agent;
    private final RemediationApi remediation;
    private final EventStream events;

    ApiHandlers(Agent agent) {
        this.agent = agent;
        this.remediation = new RemediationApi(agent);
        this.events = new EventStream(agent.desktop());
    }

    void handle(HttpExchange ex, String path, String method) throws IOException {
        if (!path.startsWith("/api/v1/")) {
            HttpIo.error(ex, 404, "no such endpoint: " + path);
            return;
        }
        var caller = agent.auth().caller(ex);
        if (caller.isEmpty()) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            HttpIo.error(ex, 401, "missing or unknown API token");
            return;
        }
        if (RemediationApi.owns(path)) {
            try {
                remediation.handle(ex, path, method, caller.get());
            } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
                HttpIo.error(ex, 400, "bad request: " + e.getMessage());
            } catch (HttpIo.TooLarge e) {
                HttpIo.error(ex, 413, e.getMessage());
            }
            return;
        }
        boolean post = "POST".equals(method);
        Role needed = post ? Role.OPERATOR : Role.VIEWER;
        if (!caller.get().role().allows(needed)) {
            HttpIo.error(ex, 403, caller.get().name() + " (" + caller.get().role().name().toLowerCase() + ") may not "
                    + method + " " + path + "; needs " + needed.name().toLowerCase());
            return;
        }
        Map<String, String> q = HttpIo.query(ex);
        try {
            Matcher m;
            if (!post && path.equals("/api/v1/notifications")) {
                List<Notification> found = agent.store().outbox().search(new NotificationQuery(blankless(q.get("alert")),
                        blankless(q.get("channel")), blankless(q.get("recipient")), blankless(q.get("status")),
                        since(q.get("since")), since(q.get("until")), q.get("before") == null ? null : Long.valueOf(q.get("before")),
                        Integer.parseInt(q.getOrDefault("limit", "100"))));
                HttpIo.json(ex, 200, found.stream().map(ApiHandlers::view).toList());
            } else if (!post && path.equals("/api/v1/events")) {
                events.serve(ex, q);
            } else if (!post && path.equals("/api/v1/alerts/resolved")) {
                Long since = since(q.get("since"));
                HttpIo.json(ex, 200, agent.store().history().resolvedDetails(since == null ? 0 : since,
                        Integer.parseInt(q.getOrDefault("limit", "500"))).stream().map(ApiHandlers::resolved).toList());
            } else if (!post && (m = HISTORY.matcher(path)).matches()) {
                List<HistoryEntry> history = agent.store().history().history(m.group(1));
                HttpIo.json(ex, history.isEmpty() ? 404 : 200, history);
            } else if (post && (m = ACK.matcher(path)).matches()) {
                boolean done = agent.intake().acknowledge(m.group(1), caller.get().name(), "acknowledged through the API");
                HttpIo.json(ex, done ? 200 : 409, Map.of("acknowledged", done, "fingerprint", m.group(1)));
            } else if (post && (m = RESEND.matcher(path)).matches()) {
                var copy = agent.resend(m.group(1), caller.get().name());
                if (copy.isEmpty()) {
                    HttpIo.error(ex, 404, "no notification " + m.group(1));
                } else {
                    HttpIo.json(ex, 202, view(copy.get()));
                }
            } else {
                HttpIo.error(ex, 404, "no such endpoint: " + method + " " + path);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            HttpIo.error(ex, 400, "bad query: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpIo.error(ex, 503, "interrupted");
        }
    }

    /** {@code since}: epoch milliseconds, an ISO-8601 instant, or a duration back from now (e.g. 1h). */
    static Long since(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(value);
        }
        if (value.contains("T")) {
            return Instant.parse(value).toEpochMilli();
        }
        return System.currentTimeMillis() - Durations.parse(value).toMillis();
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A resolution with the alert's labels; {@code state}/{@code at} keep the shape of a history entry. */
    static Map<String, Object> resolved(ResolvedEntry r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seq", r.seq());
        v.put("fingerprint", r.fingerprint());
        v.put("state", "resolved");
        v.put("at", r.resolvedAt());
        v.put("actor", r.actor());
        v.put("alertname", r.alertname());
        v.put("severity", r.severity());
        v.put("labels", NotificationFactory.readLabels(r.labels()));
        v.put("firingSince", r.firingSince());
        // the Alertmanager's URL (externalURL or polled URL); consoles map it to their cluster; null when not known
        v.put("alertmanager", r.alertmanager());
        return v;
    }

    static Map<String, Object> view(Notification n) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", n.id());
        v.put("seq", n.seq());
        v.put("idempotencyKey", n.idempotencyKey());
        v.put("kind", n.kind());
        v.put("fingerprint", n.fingerprint());
        v.put("alertname", n.alertname());
        v.put("severity", n.severity());
        v.put("alertStatus", n.alertStatus());
        v.put("channel", n.channel());
        v.put("recipient", n.recipient());
        v.put("status", n.status());
        v.put("attempts", n.attempts());
        v.put("lastError", n.lastError());
        v.put("createdAt", n.createdAt());
        v.put("deliveredAt", n.deliveredAt());
        var rendered = NotificationFactory.rendered(n);
        v.put("subject", rendered.subject());
        v.put("text", rendered.text());
        v.put("links", rendered.links());
        // consoles show a notification only to roles whose alert filter matches the alert's labels
        v.put("labels", labels(n));
        return v;
    }

    /** The (first) alert's labels from the stored payload; empty when it cannot be read. */
    private static Map<String, String> labels(Notification n) {
        try {
            return NotificationFactory.payload(n).message().alerts().getFirst().labels();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
