package io.opsdeck.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.notify.ChannelSettings;
import io.opsdeck.notify.PagerDutyChannel;
import io.opsdeck.notify.WebhookChannel;
import io.opsdeck.util.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Inbound PagerDuty v3 webhooks ({@code POST /api/v1/pagerduty/webhook}). The body must carry
 * {@code X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the raw body>} under one of the pagerduty channels'
 * {@code webhook_secret}s (PagerDuty sends several, comma-separated, while a secret is rotated). An
 * {@code incident.acknowledged} for an incident this agent opened ({@code incident_key} {@code opsdeck-<fingerprint>})
 * acknowledges that alert: its escalation stops and its history records who acknowledged it in PagerDuty.
 */
final class PagerDutyWebhook {

    static final String SIGNATURE_HEADER = "X-PagerDuty-Signature";

    /** What became of one delivery; {@code code} is the HTTP status to answer. */
    record Outcome(int code, String message, String fingerprint, boolean acknowledged) {
    }

    private final List<Secret> secrets;
    private final Intake intake;

    PagerDutyWebhook(List<ChannelSettings> channels, Intake intake) {
        this.secrets = channels.stream().map(ChannelSettings::pagerduty).filter(Objects::nonNull)
                .map(ChannelSettings.PagerDutySettings::webhookSecret).filter(Objects::nonNull).toList();
        this.intake = intake;
    }

    boolean configured() {
        return !secrets.isEmpty();
    }

    /** True when one of the header's {@code v1=} signatures matches the body under one of the secrets. */
    boolean signed(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        boolean ok = false;
        for (Secret secret : secrets) {
            byte[] expected = ("v1=" + WebhookChannel.sign(secret, body)).getBytes(StandardCharsets.US_ASCII);
            for (String presented : header.split(",")) {
                // compare every candidate, constant time each, so timing tells nothing about the secret
                ok |= MessageDigest.isEqual(expected, presented.strip().getBytes(StandardCharsets.US_ASCII));
            }
        }
        return ok;
    }

    /** Acts on a verified body. Events other than incident.acknowledged, and incidents not ours, are accepted and ignored. */
    Outcome handle(byte[] body) {
        JsonNode event;
        try {
            event = NotificationFactory.JSON.readTree(body).path("event");
        } catch (JsonProcessingException e) {
            return new Outcome(400, "malformed PagerDuty webhook: " + e.getOriginalMessage(), null, false);
        } catch (java.io.IOException e) {
            return new Outcome(400, "malformed PagerDuty webhook", null, false);
        }
        String type = event.path("event_type").asText("");
        if (type.isEmpty()) {
            return new Outcome(400, "malformed PagerDuty webhook: 'event.event_type' is missing (is this a v3 webhook?)", null, false);
        }
        if (!"incident.acknowledged".equals(type)) {
            return new Outcome(200, "ignored " + type, null, false);
        }
        JsonNode data = event.path("data");
        var fingerprint = PagerDutyChannel.fingerprintOf(data.path("incident_key").asText(""));
        if (fingerprint.isEmpty()) {
            return new Outcome(200, "ignored: incident " + trim(data.path("id").asText("?")) + " was not opened by OpsDeck", null, false);
        }
        String who = trim(event.path("agent").path("summary").asText("someone"));
        String actor = "pagerduty:" + who;
        String details = "acknowledged in PagerDuty by " + who + " (incident " + trim(data.path("id").asText("?")) + ")";
        boolean done = intake.acknowledge(fingerprint.get(), actor, details, false);
        return new Outcome(200, done ? "acknowledged" : "alert is not firing here (already acknowledged or resolved)",
                fingerprint.get(), done);
    }

    /** PagerDuty text is untrusted: one line, bounded. */
    private static String trim(String s) {
        String line = s.replaceAll("\\p{Cntrl}", " ").strip();
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
