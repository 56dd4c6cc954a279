package io.opsdeck.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The split plan: every label set in exactly one part, balanced loads, one request when splitting cannot pay. */
class AlertPartitionTest {

    private static final List<String> HOSTILE = List.of("a.b", "x|y", "quote\"d", "back\\slash", "(paren)", "[br]",
            "star*", "plus+", "q?", "{1,2}", "^anchor$", "ünïcode", "new\nline", "", "\\Q\\E");

    @Test
    void everyAlertnameFallsInExactlyOnePartHostileNamesNewNamesAndMissingOnesIncluded() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 60; i++) {
            counts.put("Alert" + i, 1 + random.nextInt(3000));
        }
        HOSTILE.forEach(n -> counts.put(n, 1 + random.nextInt(3000)));
        List<String> probes = new ArrayList<>(counts.keySet());
        probes.addAll(List.of("NeverSeenBefore", "a", "b", "x", "y", "ab", "aXb", "quote", "Alert1x"));
        for (int parts = 2; parts <= 4; parts++) {
            List<Matcher> plan = AlertPartition.plan(counts, parts);
            assertThat(plan).hasSize(parts);
            for (String name : probes) {
                Map<String, String> labels = name.isEmpty() ? Map.of("instance", "db-1")
                        : Map.of("alertname", name, "instance", "db-1");
                assertThat(plan.stream().filter(m -> m.matches(labels)).count())
                        .as("parts matching alertname '%s' of %s", name, plan).isEqualTo(1);
            }
        }
    }

    @Test
    void partsAreBalancedByThePreviousCounts() {
        Map<String, Integer> counts = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 56; i++) {
            counts.put("Alert" + i, 500 + random.nextInt(3000));
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int largest = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (int parts = 2; parts <= 3; parts++) {
            List<Matcher> plan = AlertPartition.plan(counts, parts);
            for (Matcher part : plan) {
                int load = counts.entrySet().stream().filter(e -> part.matches(Map.of("alertname", e.getKey())))
                        .mapToInt(Map.Entry::getValue).sum();
                assertThat(Math.abs(load - total / parts)).as("load of %s", part).isLessThanOrEqualTo(largest);
            }
        }
    }

    @Test
    void oneRequestWhenNothingIsKnownTooFewAlertsOneNameOrTheRegexWouldBeHuge() {
        assertThat(AlertPartition.plan(Map.of(), 3)).isEmpty();
        assertThat(AlertPartition.plan(Map.of("A", 4000, "B", 4000), 2)).as("8,000 alerts").isEmpty();
        assertThat(AlertPartition.plan(Map.of("A", 40_000, "B", 40_000), 1)).isEmpty();
        assertThat(AlertPartition.plan(Map.of("OnlyOne", 100_000), 3)).isEmpty();
        Map<String, Integer> many = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            many.put("AVeryLongAlertNameThatRepeatsItself" + i, 10);
        }
        assertThat(AlertPartition.plan(many, 2)).as("regexes over %d chars", AlertPartition.MAX_REGEX_CHARS).isEmpty();
    }

    @Test
    void twoNamesInThreePartsGiveTwoParts() {
        List<Matcher> plan = AlertPartition.plan(Map.of("A", 30_000, "B", 20_000), 3);

        assertThat(plan).extracting(Matcher::toString).containsExactly("alertname=~\"B\"", "alertname!~\"B\"");
    }
}
