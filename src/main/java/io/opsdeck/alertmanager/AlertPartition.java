package io.opsdeck.alertmanager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits one {@code GET /api/v2/alerts} into concurrent requests whose {@code alertname} filters partition the
 * alerts exactly, balanced by the previous answer's alertname counts: parts 1..k-1 are {@code alertname=~"a|b|..."}
 * over disjoint sets of names, the last is {@code alertname!~"<every name of the other parts>"}, so alerts with a
 * new name or without an alertname land in the last part and none lands in two. Alertmanager answers each request
 * on its own goroutine, so a single Alertmanager's answer can use more than one core.
 */
final class AlertPartition {

    /** Below this many alerts in the previous answer one request is as fast: the split only adds fixed work. */
    static final int MIN_ALERTS = 10_000;
    /** A longer regex would make a long request line; such fleets are fetched in one request. */
    static final int MAX_REGEX_CHARS = 16_384;

    private AlertPartition() {
    }

    /**
     * The filters of each part, or an empty list when one request is the better plan (no counts yet, too few
     * alerts, a single name, regexes too long).
     *
     * @param counts alerts per alertname in the previous answer ({@code ""} for alerts without one)
     */
    static List<Matcher> plan(Map<String, Integer> counts, int parts) {
        long total = counts.values().stream().mapToLong(Integer::longValue).sum();
        if (parts < 2 || total < MIN_ALERTS) {
            return List.of();
        }
        // Largest names first into the lightest bin (LPT): within a few percent of balanced for real fleets.
        List<Map.Entry<String, Integer>> names = new ArrayList<>(counts.entrySet());
        names.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        List<List<String>> bins = new ArrayList<>();
        long[] load = new long[parts];
        for (int i = 0; i < parts; i++) {
            bins.add(new ArrayList<>());
        }
        for (Map.Entry<String, Integer> e : names) {
            int lightest = 0;
            for (int i = 1; i < parts; i++) {
                if (load[i] < load[lightest]) {
                    lightest = i;
                }
            }
            bins.get(lightest).add(e.getKey());
            load[lightest] += e.getValue();
        }
        bins.removeIf(List::isEmpty);
        if (bins.size() < 2) {
            return List.of();
        }
        // The bin with the most names becomes the complement: the explicit regexes stay as short as they can be.
        int complement = 0;
        for (int i = 1; i < bins.size(); i++) {
            if (bins.get(i).size() > bins.get(complement).size()) {
                complement = i;
            }
        }
        List<Matcher> out = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < bins.size(); i++) {
            if (i != complement) {
                String regex = alternation(bins.get(i));
                if (regex == null) {
                    return List.of();
                }
                out.add(Matcher.regex("alertname", regex));
                named.addAll(bins.get(i));
            }
        }
        String rest = alternation(named);
        if (rest == null) {
            return List.of();
        }
        out.add(Matcher.notRegex("alertname", rest));
        return List.copyOf(out);
    }

    /** Counts alerts per alertname while an answer is decoded; one thread per counter. */
    static final class Counter {
        private final Map<String, int[]> counts = new HashMap<>();

        void add(Alert alert) {
            String name = alert.labels().getOrDefault("alertname", "");
            counts.computeIfAbsent(name, k -> new int[1])[0]++;
        }

        /** Adds this counter's counts to {@code into}. */
        void addTo(Map<String, Integer> into) {
            counts.forEach((name, n) -> into.merge(name, n[0], Integer::sum));
        }
    }

    /** {@code a|b|c} with every name matched literally, or {@code null} when longer than {@link #MAX_REGEX_CHARS}. */
    static String alternation(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (String name : names) {
            if (!b.isEmpty()) {
                b.append('|');
            }
            quoteMeta(name, b);
            if (b.length() > MAX_REGEX_CHARS) {
                return null;
            }
        }
        return b.toString();
    }

    /** As Go's {@code regexp.QuoteMeta}: Alertmanager's regexes are RE2, and Java reads these escapes alike. */
    static void quoteMeta(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
