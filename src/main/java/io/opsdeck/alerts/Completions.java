package io.opsdeck.alerts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Completion proposals for the filter box: label names, {@code @} keywords, or values of the label under the caret,
 * taken from the current alerts and ordered by how many alerts carry them.
 *
 * <pre>{@code
 * List<Completion> c = Completions.at("severity=cr", 11, snapshot.rows());
 * // [critical (12 alerts)] replacing "cr"
 * }</pre>
 */
public final class Completions {

    /** At most this many proposals. */
    public static final int LIMIT = 50;

    private static final Pattern KEYWORD = Pattern.compile("@([A-Za-z_]*)(=~|!=|!~|=|>=|<=|>|<)?(.*)", Pattern.DOTALL);
    private static final Pattern LABEL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!=|!~|=)\\s*(.*)", Pattern.DOTALL);
    private static final List<String> AGES = List.of("5m", "10m", "30m", "1h", "4h", "1d");

    private Completions() {
    }

    /** Proposals for the term under {@code caret} (0 to text length) over {@code alerts}. */
    public static List<Completion> at(String text, int caret, Collection<AlertRow> alerts) {
        if (caret < 0 || caret > text.length()) {
            throw new IllegalArgumentException("caret " + caret + " outside the text (length " + text.length() + ")");
        }
        int start = termStart(text, caret);
        String prefix = text.substring(start, caret);
        if (prefix.startsWith("@")) {
            return keyword(prefix, start, caret, alerts);
        }
        java.util.regex.Matcher label = LABEL.matcher(prefix);
        if (label.matches()) {
            String name = label.group(1);
            int valueStart = start + label.start(3);
            boolean regex = label.group(2).endsWith("~");
            return values(label.group(3), valueStart, caret, regex, alerts, r -> List.of(r.label(name)));
        }
        List<Completion> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        alerts.forEach(r -> r.alert().labels().keySet().forEach(n -> names.merge(n, 1, Integer::sum)));
        byCount(names).stream()
                .filter(n -> n.getKey().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)))
                .forEach(n -> out.add(new Completion(n.getKey(), n.getKey() + "=", start, caret,
                        "label on " + n.getValue() + " alerts")));
        if (prefix.isEmpty()) {
            out.addAll(keyword("@", start, caret, alerts));
        }
        return limit(out);
    }

    private static List<Completion> keyword(String prefix, int start, int caret, Collection<AlertRow> alerts) {
        java.util.regex.Matcher m = KEYWORD.matcher(prefix);
        if (!m.matches() || m.group(2) == null) {
            String typed = prefix.substring(1).toLowerCase(Locale.ROOT);
            List<Completion> out = new ArrayList<>();
            FilterParser.VALUE_KEYWORDS.stream().filter(k -> k.startsWith(typed)).forEach(k -> out.add(
                    new Completion("@" + k, "@" + k + (k.equals("age") ? ">" : "="), start, caret, "keyword")));
            FilterParser.FLAG_KEYWORDS.stream().filter(k -> k.startsWith(typed))
                    .forEach(k -> out.add(new Completion("@" + k, "@" + k, start, caret, "flag")));
            return out;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        int valueStart = start + m.start(3);
        String typed = m.group(3);
        boolean regex = m.group(2).endsWith("~");
        return switch (name) {
            case "state" -> {
                int bar = typed.lastIndexOf('|');
                String last = typed.substring(bar + 1);
                int from = valueStart + bar + 1;
                yield FilterParser.STATE_WORDS.stream().filter(w -> w.startsWith(last.toLowerCase(Locale.ROOT)))
                        .map(w -> new Completion(w, w, from, caret, "state")).toList();
            }
            case "age" -> AGES.stream().filter(a -> a.startsWith(typed))
                    .map(a -> new Completion(a, a, valueStart, caret, "duration")).toList();
            case "receiver" -> values(typed, valueStart, caret, regex, alerts, r -> r.alert().receivers());
            case "cluster" -> values(typed, valueStart, caret, regex, alerts, r -> List.of(r.cluster()));
            default -> List.of();
        };
    }

    private static List<Completion> values(String typed, int valueStart, int caret, boolean regex,
                                           Collection<AlertRow> alerts, Function<AlertRow, List<String>> valuesOf) {
        String bare = typed.startsWith("\"") ? typed.substring(1) : typed;
        String lower = bare.toLowerCase(Locale.ROOT);
        Map<String, Integer> counts = new HashMap<>();
        for (AlertRow r : alerts) {
            for (String v : valuesOf.apply(r)) {
                if (!v.isEmpty() && v.toLowerCase(Locale.ROOT).startsWith(lower)) {
                    counts.merge(v, 1, Integer::sum);
                }
            }
        }
        List<Completion> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : byCount(counts)) {
            String value = regex ? AckMatchers.escapeRegex(e.getKey()) : e.getKey();
            out.add(new Completion(e.getKey(), quoteIfNeeded(value), valueStart, caret, e.getValue() + " alerts"));
        }
        return limit(out);
    }

    /** Quotes values the filter would not read back bare: empty, with spaces, or starting with a quote. */
    static String quoteIfNeeded(String value) {
        boolean plain = !value.isEmpty() && !value.startsWith("\"") && value.chars().noneMatch(Character::isWhitespace);
        if (plain) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** Start of the term containing the caret: after the last space outside quotes. */
    private static int termStart(String text, int caret) {
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < caret; i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && Character.isWhitespace(c)) {
                start = i + 1;
            }
        }
        return start;
    }

    private static List<Map.Entry<String, Integer>> byCount(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    private static List<Completion> limit(List<Completion> all) {
        return all.size() > LIMIT ? List.copyOf(all.subList(0, LIMIT)) : all;
    }
}
