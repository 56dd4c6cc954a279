package io.opsdeck.alertmanager;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Shared Alertmanager config and helpers for tests on the real stack. */
public final class TestAlerts {

    /** Critical alerts go to "pager"; NodeDown inhibits DiskFull on the same instance. */
    public static final String CONFIG = """
            route:
              receiver: 'null'
              group_by: ['alertname']
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
              routes:
                - receiver: 'pager'
                  matchers: ['severity="critical"']
            receivers:
              - name: 'null'
              - name: 'pager'
            inhibit_rules:
              - source_matchers: ['alertname="NodeDown"']
                target_matchers: ['alertname="DiskFull"']
                equal: ['instance']
            """;

    private TestAlerts() {
    }

    /** A value no other test uses, so tests sharing one Alertmanager never see each other's alerts. */
    public static String unique() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A firing alert labelled {@code test=<run>} plus the given name/value pairs. */
    public static PostableAlert alert(String run, String alertname, String... labelPairs) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alertname);
        labels.put("test", run);
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        return PostableAlert.of(labels, Map.of("summary", alertname + " on " + labels.getOrDefault("instance", "?")));
    }

    public static List<Matcher> only(String run) {
        return List.of(Matcher.equal("test", run));
    }

    public static SilenceSpec silence(Matcher... matchers) {
        return SilenceSpec.of(List.of(matchers), Duration.ofHours(1), "opsdeck-test", "test silence");
    }
}
