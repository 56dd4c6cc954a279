package io.opsdeck.dashboard.variables;

import io.opsdeck.dashboard.MetricsSource;
import io.opsdeck.dashboard.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-memory implementation of OpsDeck's own {@link MetricsSource} interface for pure variable-logic tests: a fixed
 * list of series, selectors of the form {@code metric{a="b",c=~"re"}}. Counts calls so tests can see what ran.
 */
class InMemoryMetricsSource implements MetricsSource {

    private static final Pattern SELECTOR = Pattern.compile("^\\s*([a-zA-Z_:][\\w:]*)?\\s*(?:\\{(.*)})?\\s*$");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(=~|!=|!~|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final List<Map<String, String>> series;
    int calls;

    InMemoryMetricsSource(List<Map<String, String>> series) {
        this.series = series;
    }

    private List<Map<String, String>> select(List<String> matchers) {
        calls++;
        if (matchers.isEmpty()) {
            return series;
        }
        Matcher m = SELECTOR.matcher(matchers.get(0));
        if (!m.matches()) {
            throw new IllegalArgumentException("bad selector " + matchers.get(0));
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> s : series) {
            if (m.group(1) != null && !m.group(1).equals(s.get("__name__"))) {
                continue;
            }
            boolean ok = true;
            if (m.group(2) != null) {
                Matcher lm = MATCHER.matcher(m.group(2));
                while (lm.find()) {
                    String v = s.getOrDefault(lm.group(1), "");
                    String want = lm.group(3).replace("\\\\", "\\");
                    ok &= switch (lm.group(2)) {
                        case "=" -> v.equals(want);
                        case "!=" -> !v.equals(want);
                        case "=~" -> v.matches(want);
                        default -> !v.matches(want);
                    };
                }
            }
            if (ok) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public List<String> labelValues(String label, List<String> matchers, TimeRange range) {
        TreeSet<String> out = new TreeSet<>();
        select(matchers).forEach(s -> {
            if (s.containsKey(label)) {
                out.add(s.get(label));
            }
        });
        return List.copyOf(out);
    }

    @Override
    public List<String> labelNames(List<String> matchers, TimeRange range) {
        TreeSet<String> out = new TreeSet<>();
        select(matchers).forEach(s -> out.addAll(s.keySet()));
        return List.copyOf(out);
    }

    @Override
    public List<String> metricNames(TimeRange range) {
        return labelValues("__name__", List.of(), range);
    }

    @Override
    public List<Sample> instantQuery(String expr, TimeRange range) {
        return select(List.of(expr)).stream().map(s -> new Sample(s, 1, 1767225600)).toList();
    }
}
