package io.opsdeck.dashboard.frame;

import io.opsdeck.dashboard.Transformation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Applies Grafana transformations to a frame: {@code organize} (exclude, order, rename), {@code calculateField}
 * (binary operation or row reduction, joined on timestamps), {@code renameByRegex} and {@code merge} (series of one
 * query with the same labels become one). Unknown transformations are reported by {@link #supported(String)} and skipped.
 */
public final class Transformer {

    private Transformer() {
    }

    /** Transformation ids this class applies. */
    public static boolean supported(String id) {
        return switch (id) {
            case "organize", "calculateField", "renameByRegex", "merge" -> true;
            default -> false;
        };
    }

    /** Applies every enabled, supported transformation in order. */
    public static Frame apply(Frame frame, List<Transformation> transformations) {
        Frame f = frame;
        for (Transformation t : transformations) {
            if (!t.disabled() && supported(t.id())) {
                f = apply(f, t);
            }
        }
        return f;
    }

    static Frame apply(Frame f, Transformation t) {
        Map<String, Object> o = t.options();
        return switch (t.id()) {
            case "organize" -> organize(f, o);
            case "calculateField" -> calculate(f, o);
            case "renameByRegex" -> renameByRegex(f, String.valueOf(o.getOrDefault("regex", "")),
                    String.valueOf(o.getOrDefault("renamePattern", "")));
            case "merge" -> merge(f);
            default -> f;
        };
    }

    @SuppressWarnings("unchecked")
    private static Frame organize(Frame f, Map<String, Object> o) {
        Map<String, Object> exclude = (Map<String, Object>) o.getOrDefault("excludeByName", Map.of());
        Map<String, Object> index = (Map<String, Object>) o.getOrDefault("indexByName", Map.of());
        Map<String, Object> rename = (Map<String, Object>) o.getOrDefault("renameByName", Map.of());
        List<Series> kept = new ArrayList<>(f.series().stream()
                .filter(s -> !Boolean.TRUE.equals(exclude.get(s.name()))).toList());
        if (!index.isEmpty()) {
            kept.sort(Comparator.comparingInt(s -> index.get(s.name()) instanceof Number n ? n.intValue()
                    : Integer.MAX_VALUE));
        }
        return new Frame(kept.stream().map(s -> {
            Object n = rename.get(s.name());
            return n == null || n.toString().isEmpty() ? s : s.withName(n.toString());
        }).toList());
    }

    private static Frame renameByRegex(Frame f, String regex, String pattern) {
        Pattern p = FieldDisplay.jsRegex(regex);
        String javaPattern = pattern.replaceAll("\\$(\\d)", "\\$$1");
        return new Frame(f.series().stream().map(s -> {
            var m = p.matcher(s.name());
            return m.find() ? s.withName(m.replaceFirst(javaPattern)) : s;
        }).toList());
    }

    // Series of one query with the same labels become one. Series of different queries stay apart: Grafana's merge
    // puts their values side by side (Value #A, Value #B) in the row of those labels, which is what the table panel
    // does with them; folding them into one series let B's values overwrite A's.
    private static Frame merge(Frame f) {
        Map<List<Object>, List<Series>> groups = new LinkedHashMap<>();
        for (Series s : f.series()) {
            groups.computeIfAbsent(List.of(s.labels(), s.refId()), k -> new ArrayList<>()).add(s);
        }
        List<Series> out = new ArrayList<>();
        for (List<Series> g : groups.values()) {
            TreeMap<Long, Double> points = new TreeMap<>();
            for (Series s : g) {
                for (int i = 0; i < s.size(); i++) {
                    if (!Double.isNaN(s.value(i)) || !points.containsKey(s.timestamp(i))) {
                        points.put(s.timestamp(i), s.value(i));
                    }
                }
            }
            out.add(fromPoints(g.get(0).name(), g.get(0).labels(), g.get(0).refId(), points));
        }
        return new Frame(out);
    }

    @SuppressWarnings("unchecked")
    private static Frame calculate(Frame f, Map<String, Object> o) {
        String mode = String.valueOf(o.getOrDefault("mode", "reduceRow"));
        TreeMap<Long, Double> result = new TreeMap<>();
        TreeMap<Long, Map<String, Double>> rows = join(f);
        String alias;
        if (mode.equals("binary")) {
            Map<String, Object> b = (Map<String, Object>) o.getOrDefault("binary", Map.of());
            String left = operand(b.get("left"));
            String right = operand(b.get("right"));
            String op = String.valueOf(b.getOrDefault("operator", "+"));
            alias = o.containsKey("alias") ? o.get("alias").toString() : left + " " + op + " " + right;
            rows.forEach((ts, row) -> result.put(ts, binary(value(left, row), op, value(right, row))));
        } else {
            Map<String, Object> r = (Map<String, Object>) o.getOrDefault("reduce", Map.of());
            String reducer = String.valueOf(r.getOrDefault("reducer", "sum"));
            List<String> include = r.get("include") instanceof List<?> l ? (List<String>) l : List.of();
            alias = o.containsKey("alias") ? o.get("alias").toString() : reducer.substring(0, 1).toUpperCase()
                    + reducer.substring(1);
            rows.forEach((ts, row) -> {
                double[] vals = row.entrySet().stream().filter(e -> include.isEmpty() || include.contains(e.getKey()))
                        .mapToDouble(Map.Entry::getValue).toArray();
                result.put(ts, Reducers.reduce(reducer, vals));
            });
        }
        Series calc = fromPoints(alias, Map.of(), "", result);
        boolean replace = Boolean.TRUE.equals(o.get("replaceFields"));
        List<Series> out = new ArrayList<>(replace ? List.of() : f.series());
        out.add(calc);
        return new Frame(out);
    }

    private static String operand(Object v) {
        if (v instanceof Map<?, ?> m) {
            Object fixed = m.containsKey("fixed") ? m.get("fixed") : m.get("matcher") instanceof Map<?, ?> mm
                    ? mm.get("options") : null;
            return fixed == null ? "" : fixed.toString();
        }
        return v == null ? "" : v.toString();
    }

    private static double value(String operand, Map<String, Double> row) {
        Double v = row.get(operand);
        if (v != null) {
            return v;
        }
        try {
            return Double.parseDouble(operand);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double binary(double a, String op, double b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            case "%" -> a % b;
            case "^" -> Math.pow(a, b);
            default -> throw new IllegalArgumentException("unknown operator '" + op + "'");
        };
    }

    // Outer join on timestamps: timestamp -> series name -> value.
    private static TreeMap<Long, Map<String, Double>> join(Frame f) {
        TreeMap<Long, Map<String, Double>> rows = new TreeMap<>();
        for (Series s : f.series()) {
            for (int i = 0; i < s.size(); i++) {
                rows.computeIfAbsent(s.timestamp(i), k -> new LinkedHashMap<>()).put(s.name(), s.value(i));
            }
        }
        return rows;
    }

    private static Series fromPoints(String name, Map<String, String> labels, String refId, TreeMap<Long, Double> pts) {
        long[] ts = new long[pts.size()];
        double[] vs = new double[pts.size()];
        int i = 0;
        for (Map.Entry<Long, Double> e : pts.entrySet()) {
            ts[i] = e.getKey();
            vs[i++] = e.getValue();
        }
        return new Series(name, labels, refId, ts, vs);
    }
}
