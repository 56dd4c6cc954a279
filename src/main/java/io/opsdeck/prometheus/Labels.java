package io.opsdeck.prometheus;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable label set, sorted by name, stored as one flat array of name/value pairs.
 *
 * <pre>{@code
 * Labels labels = Labels.of("__name__", "up", "job", "node");
 * labels.metricName();   // "up"
 * labels.get("job");     // "node"
 * labels.toString();     // up{job="node"}
 * }</pre>
 */
public final class Labels implements Comparable<Labels> {

    /** The label that holds the metric name. */
    public static final String METRIC_NAME = "__name__";

    private static final Labels EMPTY = new Labels(new String[0]);

    // name0, value0, name1, value1, ... sorted by name, names unique.
    private final String[] pairs;
    private int hash;

    private Labels(String[] pairs) {
        this.pairs = pairs;
    }

    public static Labels empty() {
        return EMPTY;
    }

    /** From name/value pairs in any order; a repeated name keeps its last value. */
    public static Labels of(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels need name/value pairs, got an odd count: " + nameValuePairs.length);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            map.put(requireNonNull(nameValuePairs[i]), requireNonNull(nameValuePairs[i + 1]));
        }
        return of(map);
    }

    public static Labels of(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return EMPTY;
        }
        String[] names = labels.keySet().toArray(String[]::new);
        Arrays.sort(names);
        String[] pairs = new String[names.length * 2];
        for (int i = 0; i < names.length; i++) {
            pairs[2 * i] = names[i];
            pairs[2 * i + 1] = requireNonNull(labels.get(names[i]));
        }
        return new Labels(pairs);
    }

    /** Takes ownership of {@code pairs} (length {@code 2 * count}); sorts them when the server did not. */
    static Labels ofPairs(String[] pairs, int count) {
        if (count == 0) {
            return EMPTY;
        }
        String[] own = pairs.length == 2 * count ? pairs : Arrays.copyOf(pairs, 2 * count);
        // Insertion sort: label sets are small and nearly always arrive sorted already.
        for (int i = 1; i < count; i++) {
            String name = own[2 * i];
            String value = own[2 * i + 1];
            int j = i - 1;
            while (j >= 0 && own[2 * j].compareTo(name) > 0) {
                own[2 * j + 2] = own[2 * j];
                own[2 * j + 3] = own[2 * j + 1];
                j--;
            }
            own[2 * j + 2] = name;
            own[2 * j + 3] = value;
        }
        return new Labels(own);
    }

    /** The value of label {@code name}, or null when absent. */
    public String get(String name) {
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = pairs[2 * mid].compareTo(name);
            if (cmp == 0) {
                return pairs[2 * mid + 1];
            } else if (cmp < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return null;
    }

    /** The {@code __name__} label, or null when the series has none (e.g. after rate()). */
    public String metricName() {
        return get(METRIC_NAME);
    }

    public int size() {
        return pairs.length / 2;
    }

    public boolean isEmpty() {
        return pairs.length == 0;
    }

    public String name(int index) {
        return pairs[2 * index];
    }

    public String value(int index) {
        return pairs[2 * index + 1];
    }

    /** An unmodifiable, name-ordered view as a map. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** Rough retained size in bytes (array plus strings), for memory accounting. */
    public long estimatedBytes() {
        long bytes = 16 + 4L * pairs.length;
        for (String s : pairs) {
            bytes += 40 + s.length();
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Labels other && Arrays.equals(pairs, other.pairs);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(pairs);
            hash = h;
        }
        return h;
    }

    @Override
    public int compareTo(Labels other) {
        return Arrays.compare(pairs, other.pairs);
    }

    /** PromQL selector form: {@code name{a="b", c="d"}}, values escaped. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        String name = metricName();
        if (name != null) {
            out.append(name);
        }
        out.append('{');
        boolean first = true;
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(METRIC_NAME)) {
                continue;
            }
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(pairs[i]).append("=\"");
            escape(pairs[i + 1], out);
            out.append('"');
        }
        return out.append('}').toString();
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> {
                    // Control characters (terminal escapes) in untrusted values are shown, never interpreted.
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    private static String requireNonNull(String s) {
        if (s == null) {
            throw new IllegalArgumentException("label names and values must not be null");
        }
        return s;
    }
}
