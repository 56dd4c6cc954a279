package io.opsdeck.console.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.console.RemediationItem;
import io.opsdeck.console.RemediationOutcome;
import io.opsdeck.console.RemediationPlanChoice;
import io.opsdeck.console.RemediationRisk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the agent's remediation JSON into the console's records. Tolerant of missing fields (an older agent),
 * strict about shape: a request that is not an object is a malformed answer.
 */
final class AgentRemediationJson {

    private AgentRemediationJson() {
    }

    /** A request; {@code now} turns the agent's "time left" into a deadline on this console's clock. */
    static RemediationItem item(JsonNode n, Instant now) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a remediation request is not a JSON object");
        }
        Instant expires = null;
        if (n.hasNonNull("timeLeftMillis")) {
            expires = now.plusMillis(Math.max(0, n.path("timeLeftMillis").asLong()));
        } else if (n.hasNonNull("expiresAt")) {
            expires = Instant.ofEpochMilli(n.path("expiresAt").asLong());
        }
        return new RemediationItem(text(n, "id"), text(n, "plan"), text(n, "target"), text(n, "fingerprint"),
                text(n, "alertname"), strings(n.path("labels")), text(n, "status"), text(n, "result"), risk(n.path("risk")),
                n.path("approvalsNeeded").asInt(0), list(n.path("approvedBy")), text(n, "requestedBy"), text(n, "action"),
                text(n, "dryRunOutput"), text(n, "output"), instant(n, "createdAt"), expires, instant(n, "startedAt"),
                instant(n, "finishedAt"));
    }

    static List<RemediationItem> items(JsonNode array, Instant now) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected a JSON list of remediation requests");
        }
        List<RemediationItem> out = new ArrayList<>();
        array.forEach(n -> out.add(item(n, now)));
        return out;
    }

    static List<RemediationPlanChoice> plans(JsonNode body) {
        JsonNode plans = body.path("plans");
        if (!plans.isArray()) {
            throw new IllegalArgumentException("expected {\"plans\": [...]}");
        }
        List<RemediationPlanChoice> out = new ArrayList<>();
        plans.forEach(p -> out.add(new RemediationPlanChoice(text(p, "plan"), text(p, "description"), risk(p.path("risk")),
                text(p, "decision"), text(p, "action"), text(p, "problem"))));
        return out;
    }

    static RemediationOutcome outcome(JsonNode n) {
        return new RemediationOutcome(text(n, "requestId"), text(n, "status"), text(n, "message"));
    }

    static Map<String, Boolean> toggles(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object of toggles");
        }
        Map<String, Boolean> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(f -> {
            if (!f.getValue().isBoolean()) {
                throw new IllegalArgumentException("toggle " + f.getKey() + " is not true or false");
            }
            out.put(f.getKey(), f.getValue().booleanValue());
        });
        return out;
    }

    private static RemediationRisk risk(JsonNode n) {
        return new RemediationRisk(RemediationRisk.Level.of(text(n, "level")), list(n.path("reasons")));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    private static Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isNumber() ? null : Instant.ofEpochMilli(v.asLong());
    }

    private static List<String> list(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    private static Map<String, String> strings(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        }
        return out;
    }
}
