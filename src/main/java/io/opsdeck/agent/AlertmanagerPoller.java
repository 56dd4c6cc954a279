package io.opsdeck.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.notify.Alert;
import io.opsdeck.notify.LabelMatcher;
import io.opsdeck.store.Store;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polling mode for machines Alertmanager cannot reach: reads {@code /api/v2/alerts}, finds new and vanished
 * fingerprints against what it saw last (persisted, so a restart does not notify again) and feeds them to intake.
 * Active silences whose comment starts with the ack prefix acknowledge the alerts they match.
 * (A private client on purpose; the shared Alertmanager client replaces it later.)
 */
final class AlertmanagerPoller {

    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerPoller.class);

    private final List<String> urls;
    private final String ackPrefix;
    private final OkHttpClient http;
    private final Store store;
    private final Intake intake;
    private final Clock clock;

    AlertmanagerPoller(AgentSettings.PollSettings settings, OkHttpClient http, Store store, Intake intake, Clock clock) {
        this.urls = settings.alertmanagers();
        this.ackPrefix = settings.ackPrefix();
        this.http = http;
        this.store = store;
        this.intake = intake;
        this.clock = clock;
    }

    void pollAll() {
        for (String url : urls) {
            try {
                poll(url);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Polling Alertmanager {} failed: {}", url, e.getMessage());
            }
        }
    }

    void poll(String url) throws IOException {
        String source = "poll:" + url;
        String base = url.replaceAll("/+$", "");
        JsonNode alerts = get(base + "/api/v2/alerts?active=true&silenced=true&inhibited=true");
        Map<String, Alert> current = new LinkedHashMap<>();
        for (JsonNode a : alerts) {
            Alert alert = new Alert(a.path("fingerprint").asText(), "firing", strings(a.path("labels")),
                    strings(a.path("annotations")), instant(a.path("startsAt")), null, a.path("generatorURL").asText(null),
                    base, "poll");
            current.put(alert.fingerprint(), alert);
        }
        Map<String, String> known = store.history().pollKnown(source);
        List<Alert> changes = new ArrayList<>();
        current.values().stream().filter(a -> !known.containsKey(a.fingerprint())).forEach(changes::add);
        Instant now = clock.instant();
        for (var e : known.entrySet()) {
            if (!current.containsKey(e.getKey())) {
                Alert gone = NotificationFactory.JSON.readValue(e.getValue(), Alert.class);
                changes.add(new Alert(gone.fingerprint(), "resolved", gone.labels(), gone.annotations(), gone.startsAt(), now,
                        gone.generatorUrl(), gone.externalUrl(), gone.receiver()));
            }
        }
        if (!changes.isEmpty()) {
            // intake first: if we crash before remembering, the next poll repeats and intake de-duplicates
            intake.accept(source, "poll", changes);
            long millis = clock.millis();
            store.writeAndWait(c -> {
                for (Alert a : changes) {
                    if (a.resolved()) {
                        store.history().pollRemove(c, source, a.fingerprint());
                    } else {
                        store.history().pollPut(c, source, a.fingerprint(), NotificationFactory.write(a), millis);
                    }
                }
                return null;
            });
        }
        acknowledgeFromSilences(base, current);
    }

    private void acknowledgeFromSilences(String base, Map<String, Alert> current) throws IOException {
        for (JsonNode s : get(base + "/api/v2/silences")) {
            if (!"active".equals(s.path("status").path("state").asText()) || !s.path("comment").asText("").startsWith(ackPrefix)) {
                continue;
            }
            List<LabelMatcher> matchers = new ArrayList<>();
            for (JsonNode m : s.path("matchers")) {
                boolean regex = m.path("isRegex").asBoolean(false);
                boolean equal = m.path("isEqual").asBoolean(true);
                String op = regex ? (equal ? "=~" : "!~") : (equal ? "=" : "!=");
                String value = m.path("value").asText().replace("\"", "\\\"");
                matchers.add(LabelMatcher.parse(m.path("name").asText() + op + "\"" + value + "\""));
            }
            for (Alert a : current.values()) {
                if (!matchers.isEmpty() && matchers.stream().allMatch(m -> m.matches(a.labels()))) {
                    intake.acknowledge(a.fingerprint(), s.path("createdBy").asText("alertmanager"), "ACK silence " + s.path("id").asText());
                }
            }
        }
    }

    private JsonNode get(String url) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url).header("Accept", "application/json").build()).execute()) {
            if (!r.isSuccessful()) {
                throw new IOException("HTTP " + r.code() + " from " + url);
            }
            JsonNode body = NotificationFactory.JSON.readTree(r.body().byteStream());
            if (!body.isArray()) {
                throw new IOException("expected a JSON array from " + url);
            }
            return body;
        }
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new HashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Instant instant(JsonNode node) {
        return node.isTextual() ? Instant.parse(node.asText()) : null;
    }
}
