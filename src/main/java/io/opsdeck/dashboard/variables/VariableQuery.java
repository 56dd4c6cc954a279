package io.opsdeck.dashboard.variables;

import io.opsdeck.dashboard.MetricsSource;
import io.opsdeck.dashboard.TimeRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Prometheus variable query, as Grafana's Prometheus metricFindQuery understands them:
 * {@code label_values(metric{...}, label)}, {@code label_values(label)}, {@code label_names()},
 * {@code metrics(regex)} and {@code query_result(expr)}; anything else runs as {@code query_result}.
 *
 * @param function   label_values, label_names, metrics or query_result
 * @param selector   series selector or expression argument, empty when none
 * @param label      label for label_values
 */
public record VariableQuery(String function, String selector, String label) {

    private static final Pattern LABEL_VALUES = Pattern.compile(
            "^label_values\\((?:(.+),\\s*)?([a-zA-Z_$][\\w$]*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern LABEL_NAMES = Pattern.compile("^label_names\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern METRICS = Pattern.compile("^metrics\\((.+)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("^query_result\\((.+)\\)\\s*$", Pattern.DOTALL);

    /** Parses an already interpolated query. */
    public static VariableQuery parse(String query) {
        String q = query.strip();
        Matcher m = LABEL_VALUES.matcher(q);
        if (m.matches()) {
            return new VariableQuery("label_values", m.group(1) == null ? "" : m.group(1).strip(), m.group(2));
        }
        m = LABEL_NAMES.matcher(q);
        if (m.matches()) {
            return new VariableQuery("label_names", m.group(1).strip(), "");
        }
        m = METRICS.matcher(q);
        if (m.matches()) {
            return new VariableQuery("metrics", m.group(1).strip(), "");
        }
        m = QUERY_RESULT.matcher(q);
        if (m.matches()) {
            return new VariableQuery("query_result", m.group(1).strip(), "");
        }
        return new VariableQuery("query_result", q, "");
    }

    /** Runs the query against {@code source}; values are unfiltered and unsorted. */
    public List<String> execute(MetricsSource source, TimeRange range) {
        List<String> matchers = selector.isEmpty() ? List.of() : List.of(selector);
        return switch (function) {
            case "label_values" -> source.labelValues(label, matchers, range);
            case "label_names" -> source.labelNames(matchers, range);
            case "metrics" -> {
                Pattern p = Pattern.compile(selector);
                yield source.metricNames(range).stream().filter(n -> p.matcher(n).find()).toList();
            }
            default -> {
                List<String> out = new ArrayList<>();
                for (MetricsSource.Sample s : source.instantQuery(selector, range)) {
                    out.add(describe(s));
                }
                yield out;
            }
        };
    }

    // Grafana's query_result text: name{a="b", c="d"} value timestampMs
    static String describe(MetricsSource.Sample s) {
        Map<String, String> labels = new TreeMap<>(s.labels());
        String name = labels.remove("__name__");
        List<String> parts = new ArrayList<>();
        labels.forEach((k, v) -> parts.add(k + "=\"" + v + "\""));
        String value = s.value() == Math.rint(s.value()) && !Double.isInfinite(s.value())
                ? Long.toString((long) s.value()) : Double.toString(s.value());
        return (name == null ? "" : name) + "{" + String.join(", ", parts) + "} " + value + " "
                + Math.round(s.timestamp() * 1000);
    }
}
