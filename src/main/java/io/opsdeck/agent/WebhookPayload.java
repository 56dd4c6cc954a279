package io.opsdeck.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.opsdeck.notify.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alertmanager's webhook payload, version 4, with every field it sends. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookPayload(
        String version,
        String groupKey,
        Integer truncatedAlerts,
        String status,
        String receiver,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        @JsonProperty("externalURL") String externalUrl,
        List<AlertItem> alerts) {

    public WebhookPayload {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        groupLabels = groupLabels == null ? Map.of() : groupLabels;
        commonLabels = commonLabels == null ? Map.of() : commonLabels;
        commonAnnotations = commonAnnotations == null ? Map.of() : commonAnnotations;
        truncatedAlerts = truncatedAlerts == null ? 0 : truncatedAlerts;
    }

    /** One alert of the group. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AlertItem(
            String status,
            Map<String, String> labels,
            Map<String, String> annotations,
            Instant startsAt,
            Instant endsAt,
            @JsonProperty("generatorURL") String generatorUrl,
            String fingerprint) {
    }

    /** The alerts as notifications see them; {@code receiver} overrides the payload's receiver when given. */
    public List<Alert> toAlerts(String receiverOverride) {
        String rcv = receiverOverride != null ? receiverOverride : receiver;
        return alerts.stream().map(a -> new Alert(
                a.fingerprint() != null && !a.fingerprint().isBlank() ? a.fingerprint() : Fingerprints.of(a.labels()),
                "resolved".equals(a.status()) ? "resolved" : "firing",
                a.labels(), a.annotations(), a.startsAt(), a.endsAt(), a.generatorUrl(), externalUrl, rcv)).toList();
    }
}
