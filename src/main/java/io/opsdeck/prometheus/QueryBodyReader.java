package io.opsdeck.prometheus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Decoding state of one query body: reads tokens straight into series, reusing one pair of scratch arrays. */
final class QueryBodyReader {

    private final JsonParser p;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> ownWarnings = new ArrayList<>(); // after the server's, whatever the field order
    private final List<Series> series = new ArrayList<>();
    // Equal label values (job="node" on every series) share one String.
    private final Map<String, String> strings = new HashMap<>();
    private long[] ts = new long[64];
    private double[] vs = new double[64];
    private int n;
    private String[] pairs = new String[16];
    private ResultType resultType;
    private ResultType inferred;
    private String stringValue;
    private long samples;

    QueryBodyReader(JsonParser parser) {
        this.p = parser;
    }

    QueryResult document() throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT, "the body");
        String status = null;
        String errorType = null;
        String error = null;
        boolean data = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "status" -> status = p.getValueAsString();
                case "errorType" -> errorType = p.getValueAsString();
                case "error" -> error = p.getValueAsString();
                case "warnings" -> JsonTokens.stringArray(p, value, warnings);
                case "data" -> {
                    if (value == JsonToken.START_OBJECT) {
                        data = true;
                        data();
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if ("error".equals(status) || errorType != null) {
            throw new ServerErrorException(errorType, error == null ? "(no error text)" : error);
        }
        if (!"success".equals(status)) {
            throw new MalformedResponseException(status == null ? "the body has no \"status\" field"
                    : "the body has status \"" + status + "\", expected \"success\"");
        }
        if (!data) {
            throw new MalformedResponseException("the body has no \"data\" object");
        }
        ResultType type = resultType != null ? resultType : inferred;
        if (type == null) {
            throw new MalformedResponseException("the body has no \"data.resultType\"");
        }
        warnings.addAll(ownWarnings);
        return new QueryResult(type, series, stringValue, warnings, new QueryStats(0, samples, Duration.ZERO));
    }

    private void data() throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "resultType" -> {
                    String text = p.getValueAsString();
                    resultType = text == null ? null : ResultType.parse(text);
                    if (resultType == null) {
                        throw new MalformedResponseException("unknown resultType \"" + text + "\"");
                    }
                }
                case "result" -> result(value);
                default -> p.skipChildren();
            }
        }
    }

    private void result(JsonToken start) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return;
        }
        expect(start, JsonToken.START_ARRAY, "data.result");
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
            inferred = ResultType.VECTOR;
            return;
        }
        if (first != JsonToken.START_OBJECT) {
            scalarOrString(first);
            return;
        }
        do {
            seriesObject();
        } while (p.nextToken() == JsonToken.START_OBJECT);
        expect(p.currentToken(), JsonToken.END_ARRAY, "the end of data.result");
    }

    // [ts, "value"] after the opening '[' was read.
    private void scalarOrString(JsonToken first) throws IOException {
        long t = timestamp(first);
        JsonToken v = p.nextToken();
        double value;
        if (v == JsonToken.VALUE_STRING && resultType == ResultType.STRING) {
            stringValue = p.getText();
            value = Double.NaN;
            inferred = ResultType.STRING;
        } else {
            value = value(v);
            inferred = ResultType.SCALAR;
        }
        expect(p.nextToken(), JsonToken.END_ARRAY, "the end of a scalar sample");
        series.add(new Series(Labels.empty(), new long[] {t}, new double[] {value}, true));
        samples++;
    }

    private void seriesObject() throws IOException {
        Labels labels = Labels.empty();
        n = 0;
        int histograms = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "metric" -> labels = metric(value);
                case "value" -> {
                    inferred = ResultType.VECTOR;
                    sample(value);
                }
                case "values" -> {
                    inferred = ResultType.MATRIX;
                    expect(value, JsonToken.START_ARRAY, "values");
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        sample(JsonToken.START_ARRAY);
                    }
                    expect(p.currentToken(), JsonToken.END_ARRAY, "the end of values");
                }
                case "histogram" -> {
                    histograms++;
                    p.skipChildren();
                }
                case "histograms" -> histograms += JsonTokens.skipCountingElements(p, value);
                default -> p.skipChildren();
            }
        }
        if (histograms > 0) {
            ownWarnings.add("series " + labels + " has " + histograms + " native histogram sample"
                    + (histograms == 1 ? "" : "s") + ", which this client does not support; "
                    + (n == 0 ? "the series was left out" : "only its float samples are shown"));
            if (n == 0) {
                return;
            }
        }
        series.add(new Series(labels, Arrays.copyOf(ts, n), Arrays.copyOf(vs, n), true));
        samples += n;
    }

    private Labels metric(JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT, "metric");
        int count = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName(); // canonicalised by Jackson's symbol table
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_STRING) {
                throw new MalformedResponseException("label " + name + " has a " + v + " value, expected a string");
            }
            if (2 * count + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[2 * count] = name;
            String text = p.getText();
            String shared = strings.putIfAbsent(text, text);
            pairs[2 * count + 1] = shared == null ? text : shared;
            count++;
        }
        return Labels.ofPairs(Arrays.copyOf(pairs, 2 * count), count);
    }

    // One [ts, "value"] pair; the current token is its '['.
    private void sample(JsonToken start) throws IOException {
        expect(start, JsonToken.START_ARRAY, "a sample");
        long t = timestamp(p.nextToken());
        double v = value(p.nextToken());
        expect(p.nextToken(), JsonToken.END_ARRAY, "the end of a sample");
        if (n == ts.length) {
            ts = Arrays.copyOf(ts, n * 2);
            vs = Arrays.copyOf(vs, n * 2);
        }
        ts[n] = t;
        vs[n] = v;
        n++;
    }

    private long timestamp(JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue() * 1000;
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            long ms = FloatText.secondsToMillis(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            return ms != Long.MIN_VALUE ? ms : Math.round(p.getDoubleValue() * 1000);
        }
        throw new MalformedResponseException("a sample timestamp is " + JsonTokens.describe(token) + ", expected a number");
    }

    private double value(JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            char[] chars = p.getTextCharacters();
            int off = p.getTextOffset();
            int len = p.getTextLength();
            try {
                return FloatText.parse(chars, off, len);
            } catch (NumberFormatException e) {
                throw new MalformedResponseException("a sample value \"" + new String(chars, off, Math.min(len, 40))
                        + "\" is not a number");
            }
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        throw new MalformedResponseException("a sample value is " + JsonTokens.describe(token) + ", expected a string");
    }

    private void expect(JsonToken actual, JsonToken expected, String what) throws IOException {
        JsonTokens.expect(p, actual, expected, what);
    }
}
