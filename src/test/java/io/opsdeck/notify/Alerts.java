package io.opsdeck.notify;

import java.time.Instant;
import java.util.Map;

/** Test alerts. */
final class Alerts {

    private Alerts() {
    }

    static Alert alert(String status, Map<String, String> labels, Map<String, String> annotations) {
        return new Alert("fp-" + labels.hashCode(), status, labels, annotations, Instant.parse("2026-01-01T10:00:00Z"), null,
                "http://127.0.0.1:9090/graph?g0.expr=up", "http://127.0.0.1:9093", "opsdeck");
    }

    static Alert firing(String name, String severity) {
        return alert("firing", Map.of("alertname", name, "severity", severity, "instance", "web-1"),
                Map.of("summary", name + " on web-1", "runbook_url", "https://runbooks.example/" + name));
    }
}
