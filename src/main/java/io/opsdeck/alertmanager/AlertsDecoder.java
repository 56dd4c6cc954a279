package io.opsdeck.alertmanager;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decodes {@code GET /api/v2/alerts} in one streaming pass straight into {@link Alert}s, while the bytes arrive:
 * no body string, no intermediate wire records. With 100,000 alerts (68 MB) this is the client's main cost, so
 * it also shares repeated label values (alertname, severity, job, ...) between alerts and parses Alertmanager's
 * UTC timestamps without a formatter ({@link Timestamps}). Same result as the Jackson data-binding of {@link Wire.WAlert}.
 *
 * <p>An annotation whose values turn out to be unique per alert (a templated summary) stops being looked up in the
 * sharing table after a sample: every lookup would miss and only grow the table.
 */
final class AlertsDecoder {

    /** Values longer than this (descriptions, summaries) are rarely repeated: not worth a lookup. */
    private static final int INTERN_LIMIT = 96;

    private static final AlertStatus ACTIVE = new AlertStatus(AlertState.ACTIVE, List.of(), List.of());

    private final Map<String, String> strings = new HashMap<>();
    private final Map<List<String>, List<String>> receiverLists = new HashMap<>();
    private String[] pairs = new String[32]; // names and values of the map being decoded
    private final Timestamps times = new Timestamps();
    /** Per annotation name: values looked up and values found already shared. */
    private final Map<String, int[]> annotationHits = new HashMap<>();

    private AlertsDecoder() {
    }

    static List<Alert> decode(JsonParser p) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        new AlertsDecoder().each(p, alerts::add);
        return alerts;
    }

    /** Decodes the answer and hands each alert to {@code sink} as soon as it is complete. */
    static void decode(JsonParser p, Consumer<Alert> sink) throws IOException {
        new AlertsDecoder().each(p, sink);
    }

    private void each(JsonParser p, Consumer<Alert> sink) throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("expected a JSON array of alerts");
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected an alert object, found " + t);
            }
            sink.accept(alert(p));
        }
    }

    private Alert alert(JsonParser p) throws IOException {
        String fingerprint = null;
        String generatorURL = null;
        Map<String, String> labels = null;
        Map<String, String> annotations = null;
        Instant startsAt = null;
        Instant endsAt = null;
        Instant updatedAt = null;
        List<String> receivers = null;
        AlertStatus status = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "fingerprint" -> fingerprint = p.getText();
                case "generatorURL" -> generatorURL = shared(p.getText());
                case "labels" -> labels = map(p, true);
                case "annotations" -> annotations = map(p, false);
                case "startsAt" -> startsAt = times.read(p);
                case "endsAt" -> endsAt = times.read(p);
                case "updatedAt" -> updatedAt = times.read(p);
                case "receivers" -> receivers = receivers(p);
                case "status" -> status = status(p);
                default -> p.skipChildren();
            }
        }
        return new Alert(fingerprint, labels, annotations, startsAt, endsAt, updatedAt, generatorURL, receivers, status);
    }

    private Map<String, String> map(JsonParser p, boolean shareAll) throws IOException {
        expect(p, JsonToken.START_OBJECT);
        String[] kv = pairs;
        int n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName(); // Jackson canonicalises field names already
            p.nextToken();
            String text = p.getText();
            if (n == kv.length) {
                kv = pairs = java.util.Arrays.copyOf(kv, n * 2);
            }
            kv[n++] = name;
            kv[n++] = shareAll ? shared(text) : annotation(name, text);
        }
        return mapOf(kv, n);
    }

    /** {@code Map.of} straight from the pairs (no entry objects, no list) up to 10 pairs; duplicates are refused. */
    private static Map<String, String> mapOf(String[] a, int n) {
        return switch (n / 2) {
            case 0 -> Map.of();
            case 1 -> Map.of(a[0], a[1]);
            case 2 -> Map.of(a[0], a[1], a[2], a[3]);
            case 3 -> Map.of(a[0], a[1], a[2], a[3], a[4], a[5]);
            case 4 -> Map.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
            case 5 -> Map.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
            case 6 -> Map.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11]);
            case 7 -> Map.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13]);
            case 8 -> Map.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13],
                    a[14], a[15]);
            case 9 -> Map.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13],
                    a[14], a[15], a[16], a[17]);
            case 10 -> Map.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11], a[12], a[13],
                    a[14], a[15], a[16], a[17], a[18], a[19]);
            default -> {
                @SuppressWarnings("unchecked")
                Map.Entry<String, String>[] entries = new Map.Entry[n / 2];
                for (int i = 0; i < n; i += 2) {
                    entries[i / 2] = Map.entry(a[i], a[i + 1]);
                }
                yield Map.ofEntries(entries);
            }
        };
    }

    private List<String> receivers(JsonParser p) throws IOException {
        expect(p, JsonToken.START_ARRAY);
        List<String> names = new ArrayList<>(2);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("name")) {
                    names.add(shared(p.getText()));
                } else {
                    p.skipChildren();
                }
            }
        }
        return receiverLists.computeIfAbsent(names, List::copyOf); // a handful of distinct lists per answer
    }

    private AlertStatus status(JsonParser p) throws IOException {
        expect(p, JsonToken.START_OBJECT);
        String state = null;
        List<String> silencedBy = null;
        List<String> inhibitedBy = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "state" -> state = p.getText();
                case "silencedBy" -> silencedBy = strings(p);
                case "inhibitedBy" -> inhibitedBy = strings(p);
                default -> p.skipChildren();
            }
        }
        AlertState parsed = AlertState.fromApi(state);
        if (parsed == AlertState.ACTIVE && (silencedBy == null || silencedBy.isEmpty())
                && (inhibitedBy == null || inhibitedBy.isEmpty())) {
            return ACTIVE; // the common case: one shared instance
        }
        return new AlertStatus(parsed, silencedBy, inhibitedBy);
    }

    private List<String> strings(JsonParser p) throws IOException {
        expect(p, JsonToken.START_ARRAY);
        if (p.nextToken() == JsonToken.END_ARRAY) {
            return List.of(); // nearly always: not silenced, not inhibited
        }
        List<String> out = new ArrayList<>(1);
        out.add(shared(p.getText()));
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(shared(p.getText()));
        }
        return out;
    }

    /** Shares short annotation values; after 1,000 values of a name, only if one in ten or more was a repeat. */
    private String annotation(String name, String text) {
        if (text.length() > INTERN_LIMIT) {
            return text;
        }
        int[] seen = annotationHits.computeIfAbsent(name, k -> new int[2]);
        if (seen[0] >= 1000 && seen[1] * 10 < seen[0]) {
            return text;
        }
        String known = strings.putIfAbsent(text, text);
        if (seen[0] < 1000) {
            seen[0]++;
            seen[1] += known == null ? 0 : 1;
        }
        return known == null ? text : known;
    }

    private String shared(String s) {
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private static void expect(JsonParser p, JsonToken token) {
        if (p.currentToken() != token) {
            throw new IllegalArgumentException("field '" + currentName(p) + "' should be " + token.asString()
                    + "...; found " + p.currentToken());
        }
    }

    private static String currentName(JsonParser p) {
        try {
            return p.currentName();
        } catch (IOException e) {
            return "?";
        }
    }
}
