package io.opsdeck.alerts;

import io.opsdeck.alertmanager.Matcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Works out the matchers of an acknowledgement silence for a set of alerts of one cluster: an equal matcher for every
 * label all of them share with one value, a regex alternation of the escaped values for every label all of them carry
 * with differing values ({@code instance=~"web-1|web-2"}). Labels only some alerts carry are left out.
 */
public final class AckMatchers {

    private AckMatchers() {
    }

    /** The matchers, {@code alertname} first, then by label name. */
    public static List<Matcher> of(Collection<AlertRow> alerts) {
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("nothing to acknowledge: no alerts given");
        }
        Map<String, Set<String>> valuesByLabel = new TreeMap<>();
        boolean first = true;
        for (AlertRow row : alerts) {
            Map<String, String> labels = row.alert().labels();
            if (first) {
                labels.forEach((k, v) -> valuesByLabel.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
                first = false;
            } else {
                valuesByLabel.keySet().retainAll(labels.keySet());
                labels.forEach((k, v) -> {
                    Set<String> values = valuesByLabel.get(k);
                    if (values != null) {
                        values.add(v);
                    }
                });
            }
        }
        List<Matcher> matchers = new ArrayList<>();
        Set<String> names = new TreeSet<>(valuesByLabel.keySet());
        if (names.remove("alertname")) {
            matchers.add(matcher("alertname", valuesByLabel.get("alertname")));
        }
        names.forEach(n -> matchers.add(matcher(n, valuesByLabel.get(n))));
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("these alerts share no label, so no silence can cover exactly them");
        }
        return List.copyOf(matchers);
    }

    private static Matcher matcher(String name, Set<String> values) {
        if (values.size() == 1) {
            return Matcher.equal(name, values.iterator().next());
        }
        List<String> escaped = values.stream().map(AckMatchers::escapeRegex).toList();
        return Matcher.regex(name, String.join("|", escaped));
    }

    /**
     * Escapes regular-expression metacharacters with a backslash ({@code a.b} becomes {@code a\.b}); the result
     * means the same literal in Java and in Alertmanager's Go RE2.
     */
    public static String escapeRegex(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
