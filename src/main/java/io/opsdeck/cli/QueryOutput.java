package io.opsdeck.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.opsdeck.prometheus.Labels;
import io.opsdeck.prometheus.QueryResult;
import io.opsdeck.prometheus.ResultType;
import io.opsdeck.prometheus.Series;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Prints a query result as an aligned table, a per-series summary, or JSON in the Prometheus API's shape. */
final class QueryOutput {

    private static final JsonFactory JSON = new JsonFactory();

    private QueryOutput() {
    }

    /** Instant results: one row per series. Range results: a header per series, then time/value rows. */
    static void table(QueryResult result, PrintWriter out) {
        if (result.resultType() == ResultType.STRING) {
            out.println(result.stringValue());
        } else if (result.resultType() == ResultType.SCALAR) {
            out.println(format(result.scalar()));
        } else if (result.series().isEmpty()) {
            out.println("(no series)");
        } else if (result.resultType() == ResultType.VECTOR) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"SERIES", "VALUE"});
            for (Series s : result.series()) {
                rows.add(new String[] {label(s.labels()), format(s.lastValue())});
            }
            aligned(rows, out);
        } else {
            boolean first = true;
            for (Series s : result.series()) {
                if (!first) {
                    out.println();
                }
                first = false;
                out.println(label(s.labels()));
                List<String[]> rows = new ArrayList<>();
                for (int i = 0; i < s.size(); i++) {
                    rows.add(new String[] {"  " + Instant.ofEpochMilli(s.timestamp(i)), format(s.value(i))});
                }
                aligned(rows, out);
            }
        }
        warnings(result, out);
    }

    /** Range results, one row per series: points, first, last, min, max. */
    static void summary(QueryResult result, PrintWriter out) {
        if (result.resultType() != ResultType.MATRIX && result.resultType() != ResultType.VECTOR) {
            table(result, out);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SERIES", "POINTS", "FIRST", "LAST", "MIN", "MAX"});
        for (Series s : result.series()) {
            double min = Double.NaN;
            double max = Double.NaN;
            for (int i = 0; i < s.size(); i++) {
                double v = s.value(i);
                min = Double.isNaN(min) || v < min ? v : min;
                max = Double.isNaN(max) || v > max ? v : max;
            }
            rows.add(new String[] {label(s.labels()), Integer.toString(s.size()),
                    s.isEmpty() ? "" : format(s.value(0)), format(s.lastValue()), format(min), format(max)});
        }
        if (rows.size() == 1) {
            out.println("(no series)");
        } else {
            aligned(rows, out);
        }
        warnings(result, out);
    }

    /** The Prometheus API's {@code data} shape plus warnings, so existing tooling can read it. */
    static void json(QueryResult result, PrintWriter out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("resultType", result.resultType().wireName());
            g.writeFieldName("result");
            switch (result.resultType()) {
                case SCALAR -> sample(g, result.series().get(0), 0, null);
                case STRING -> sample(g, result.series().get(0), 0, result.stringValue());
                default -> {
                    g.writeStartArray();
                    for (Series s : result.series()) {
                        g.writeStartObject();
                        g.writeObjectFieldStart("metric");
                        for (int i = 0; i < s.labels().size(); i++) {
                            g.writeStringField(s.labels().name(i), s.labels().value(i));
                        }
                        g.writeEndObject();
                        if (result.resultType() == ResultType.VECTOR) {
                            g.writeFieldName("value");
                            sample(g, s, 0, null);
                        } else {
                            g.writeArrayFieldStart("values");
                            for (int i = 0; i < s.size(); i++) {
                                sample(g, s, i, null);
                            }
                            g.writeEndArray();
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
            }
            g.writeArrayFieldStart("warnings");
            for (String w : result.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }

    private static void sample(JsonGenerator g, Series s, int i, String text) throws IOException {
        g.writeStartArray();
        g.writeNumber(BigDecimal.valueOf(s.timestamp(i), 3));
        g.writeString(text != null ? text : format(s.value(i)));
        g.writeEndArray();
    }

    private static void warnings(QueryResult result, PrintWriter out) {
        result.warnings().forEach(w -> out.println("warning: " + w));
    }

    private static String label(Labels labels) {
        return labels.isEmpty() ? "{}" : labels.toString();
    }

    /** As Prometheus writes floats: NaN, +Inf, -Inf, else the shortest decimal without exponent where sensible. */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e21) {
            return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
        }
        return Double.toString(v).replace("E", "e");
    }

    private static void aligned(List<String[]> rows, PrintWriter out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (String[] row : rows) {
            line.setLength(0);
            for (int c = 0; c < columns; c++) {
                line.append(row[c]);
                if (c < columns - 1) {
                    line.append(" ".repeat(widths[c] - row[c].length() + 2));
                }
            }
            out.println(line);
        }
    }
}
