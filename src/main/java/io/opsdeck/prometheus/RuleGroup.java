package io.opsdeck.prometheus;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One rule group of {@code /api/v1/rules}, with its recording and alerting rules. */
public record RuleGroup(String name, String file, Duration interval, List<Rule> rules) {

    public RuleGroup {
        rules = List.copyOf(rules);
    }

    /**
     * A recording or alerting rule.
     *
     * @param type      "alerting" or "recording"
     * @param health    ok, err or unknown
     * @param state     for alerting rules: inactive, pending or firing; else empty
     * @param forDuration for alerting rules: the "for" duration; else zero
     * @param alerts    for alerting rules: its active alerts
     */
    public record Rule(String type, String name, String query, String health, String lastError, String state,
                       Duration forDuration, Labels labels, Map<String, String> annotations, List<Alert> alerts) {

        public Rule {
            annotations = Map.copyOf(annotations);
            alerts = List.copyOf(alerts);
        }

        public boolean isAlerting() {
            return "alerting".equals(type);
        }
    }
}
