package io.opsdeck.agent;

import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.Silence;
import io.opsdeck.alertmanager.SilenceState;
import io.opsdeck.notify.Alert;
import io.opsdeck.store.Store;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polling mode for machines Alertmanager cannot reach: reads the alerts through the shared {@link AlertmanagerClient},
 * finds new and vanished fingerprints against what it saw last (persisted per configured URL, so a restart does not
 * notify again) and feeds them to intake. Active silences whose comment starts with the ack prefix acknowledge the
 * alerts they match.
 */
final class AlertmanagerPoller {

    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerPoller.class);

    /** One configured Alertmanager: the URL as written (the key of what was seen) and its client. */
    private record Target(String url, AlertmanagerClient client) {
    }

    private final List<Target> targets;
    private final String ackPrefix;
    private final Store store;
    private final Intake intake;
    private final Clock clock;

    /** @param http shared with the rest of the agent; the clients do not close it */
    AlertmanagerPoller(AgentSettings.PollSettings settings, OkHttpClient http, Store store, Intake intake, Clock clock) {
        this.targets = settings.alertmanagers().stream().map(url -> new Target(url, AlertmanagerClient.builder(URI.create(url))
                .name(url).httpClient(http).build())).toList();
        this.ackPrefix = settings.ackPrefix();
        this.store = store;
        this.intake = intake;
        this.clock = clock;
    }

    void pollAll() {
        for (Target t : targets) {
            try {
                poll(t);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Polling Alertmanager {} failed: {}", t.url(), e.getMessage());
            }
        }
    }

    private void poll(Target target) throws IOException {
        String source = "poll:" + target.url();
        String base = target.url().replaceAll("/+$", "");
        Map<String, Alert> current = new LinkedHashMap<>();
        // all states: a silenced alert is still firing, only no longer news
        for (io.opsdeck.alertmanager.Alert a : target.client().alerts(AlertQuery.all())) {
            Alert alert = new Alert(a.fingerprint(), "firing", a.labels(), a.annotations(), a.startsAt(), null,
                    a.generatorURL().isEmpty() ? null : a.generatorURL(), base, "poll");
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
        acknowledgeFromSilences(target.client(), current);
    }

    private void acknowledgeFromSilences(AlertmanagerClient client, Map<String, Alert> current) {
        for (Silence s : client.silences()) {
            if (s.state() != SilenceState.ACTIVE || !s.comment().startsWith(ackPrefix) || s.matchers().isEmpty()) {
                continue;
            }
            for (Alert a : current.values()) {
                if (s.matches(a.labels())) {
                    intake.acknowledge(a.fingerprint(), s.createdBy().isBlank() ? "alertmanager" : s.createdBy(), "ACK silence " + s.id());
                }
            }
        }
    }
}
