package io.opsdeck.dashboard.frame;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One time series: labels plus parallel arrays of timestamps (epoch ms, ascending) and values (NaN for gaps).
 * The arrays are copied in and out; use {@link #timestamp(int)} and {@link #value(int)} in loops.
 *
 * @param name   display name (legend), e.g. from legendFormat
 * @param labels series labels
 * @param refId  query that produced it
 */
public record Series(String name, Map<String, String> labels, String refId, long[] timestamps, double[] values) {

    public Series {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length: " + timestamps.length
                    + " vs " + values.length);
        }
        name = name == null ? "" : name;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        refId = refId == null ? "" : refId;
        timestamps = timestamps.clone();
        values = values.clone();
    }

    @Override
    public long[] timestamps() {
        return timestamps.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return timestamps.length;
    }

    public long timestamp(int i) {
        return timestamps[i];
    }

    public double value(int i) {
        return values[i];
    }

    public Series withName(String newName) {
        return new Series(newName, labels, refId, timestamps, values);
    }

    /** Grafana's default name when there is no legend: {@code metric{a="b", c="d"}}. */
    public static String defaultName(Map<String, String> labels) {
        Map<String, String> sorted = new TreeMap<>(labels);
        String metric = sorted.remove("__name__");
        StringBuilder b = new StringBuilder(metric == null ? "" : metric);
        if (!sorted.isEmpty() || metric == null) {
            b.append('{');
            b.append(String.join(", ", sorted.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                    .toList()));
            b.append('}');
        }
        return b.toString();
    }

    /** Grafana's legendFormat: {@code {{label}}} replaced by the label value (empty when missing). */
    public static String legend(String format, Map<String, String> labels) {
        if (format == null || format.isBlank() || format.equals("__auto")) {
            return defaultName(labels);
        }
        return java.util.regex.Pattern.compile("\\{\\{\\s*(.+?)\\s*}}").matcher(format)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(labels.getOrDefault(m.group(1), "")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && name.equals(s.name) && labels.equals(s.labels) && refId.equals(s.refId)
                && Arrays.equals(timestamps, s.timestamps) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + labels.hashCode()) + Arrays.hashCode(timestamps);
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + timestamps.length + " points]";
    }
}
