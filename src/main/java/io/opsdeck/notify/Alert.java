package io.opsdeck.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One alert as notifications see it. Labels and annotations are untrusted text: templates escape them
 * for the channel and the redactor removes secrets and personal data from the result.
 */
public record Alert(
        String fingerprint,
        String status,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant startsAt,
        Instant endsAt,
        String generatorUrl,
        String externalUrl,
        String receiver) {

    public Alert {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public String alertname() {
        return labels.getOrDefault("alertname", "(unnamed)");
    }

    public Severity severity() {
        return Severity.of(labels.get("severity"));
    }

    public boolean resolved() {
        return "resolved".equals(status);
    }

    /** Alertmanager's "new silence" page pre-filled with this alert's labels, or null without an external URL. */
    public String silenceUrl() {
        if (externalUrl == null || externalUrl.isBlank()) {
            return null;
        }
        String filter = labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=\"" + e.getValue().replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        return externalUrl.replaceAll("/+$", "") + "/#/silences/new?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }
}
