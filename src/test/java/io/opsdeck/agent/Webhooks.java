package io.opsdeck.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Builds Alertmanager webhook payloads (version 4) and talks to the agent's HTTP API in tests. */
final class Webhooks {

    static final ObjectMapper JSON = new ObjectMapper();
    static final OkHttpClient HTTP = new OkHttpClient();

    record Answer(int code, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private Webhooks() {
    }

    static String payload(String groupKey, String status, String fingerprint, Map<String, String> labels, String startsAt) {
        var root = JSON.createObjectNode();
        root.put("version", "4").put("groupKey", groupKey).put("truncatedAlerts", 0).put("status", status)
                .put("receiver", "opsdeck").put("externalURL", "http://127.0.0.1:9093");
        root.putObject("groupLabels").put("alertname", labels.get("alertname"));
        labels.forEach(root.putObject("commonLabels")::put);
        root.putObject("commonAnnotations").put("summary", "summary of " + labels.get("alertname"));
        var alert = root.putArray("alerts").addObject();
        alert.put("status", status);
        labels.forEach(alert.putObject("labels")::put);
        alert.putObject("annotations").put("summary", "summary of " + labels.get("alertname"))
                .put("runbook_url", "https://runbooks.example/" + labels.get("alertname"));
        alert.put("startsAt", startsAt).put("endsAt", "resolved".equals(status) ? "2026-01-01T11:00:00Z" : "0001-01-01T00:00:00Z")
                .put("generatorURL", "http://127.0.0.1:9090/graph").put("fingerprint", fingerprint);
        return root.toString();
    }

    static String firing(String name, String severity, String fingerprint) {
        return payload(groupKey(name), "firing", fingerprint,
                Map.of("alertname", name, "severity", severity, "instance", "web-1"), "2026-01-01T10:00:00Z");
    }

    static Answer post(URI base, String path, String token, String body) throws IOException {
        Request.Builder b = new Request.Builder().url(base.resolve(path).toString())
                .post(RequestBody.create(body, MediaType.get("application/json")));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return call(b.build());
    }

    static Answer get(URI base, String path, String token) throws IOException {
        Request.Builder b = new Request.Builder().url(base.resolve(path).toString());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return call(b.build());
    }

    /** The group key Alertmanager gives a group of one alert name. */
    static String groupKey(String alertname) {
        return "{}:{alertname=\"" + alertname + "\"}";
    }

    /** Labels of a demo alert: alertname, instance, severity warning, env demo (in that order). */
    static Map<String, String> demoLabels(String alertname, String instance) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alertname);
        labels.put("instance", instance);
        labels.put("severity", "warning");
        labels.put("env", "demo");
        return labels;
    }

    /** Posts {@code body} to the agent's Alertmanager webhook, as Alertmanager would ({@code token} null: none). */
    static Answer deliver(URI agent, String token, String body) throws IOException {
        return post(agent, "/api/v1/alertmanager/webhook", token, body);
    }

    private static Answer call(Request request) throws IOException {
        try (Response r = HTTP.newCall(request).execute()) {
            return new Answer(r.code(), r.body() == null ? "" : r.body().string());
        }
    }
}
