package io.opsdeck.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alertmanager.AlertState;
import io.opsdeck.alertmanager.AlertStatus;
import io.opsdeck.alertmanager.AlertmanagerClient;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes one saved {@code GET /api/v2/alerts} answer with the streaming decoder and with a replica of the
 * previous client (whole body to a String, Jackson data-binding into wire records, then copied into {@link Alert}s),
 * alternating, on one thread. Thread CPU time is reported beside wall time: it barely moves with the machine's load.
 */
final class DecodeComparison {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WStatus(String state, List<String> silencedBy, List<String> inhibitedBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WReceiver(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record WAlert(String fingerprint, Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
                  Instant endsAt, Instant updatedAt, String generatorURL, List<WReceiver> receivers, WStatus status) {
        Alert toAlert() {
            AlertStatus s = new AlertStatus(AlertState.valueOf(status.state().toUpperCase(Locale.ROOT)),
                    status.silencedBy(), status.inhibitedBy());
            return new Alert(fingerprint, labels, annotations, startsAt, endsAt, updatedAt, generatorURL,
                    receivers.stream().map(WReceiver::name).toList(), s);
        }
    }

    private DecodeComparison() {
    }

    /** Sorted nanos: [streaming wall, streaming cpu, previous wall, previous cpu], each of {@code runs} runs. */
    static long[][] run(byte[] body, int runs) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[][] out = new long[4][runs];
        int size = -1;
        for (int i = -1; i < runs; i++) { // one warm-up round
            long w = System.nanoTime();
            long c = mx.getCurrentThreadCpuTime();
            List<Alert> streamed = AlertmanagerClient.decodeAlerts(new ByteArrayInputStream(body));
            long sw = System.nanoTime() - w;
            long sc = mx.getCurrentThreadCpuTime() - c;
            w = System.nanoTime();
            c = mx.getCurrentThreadCpuTime();
            String text = new String(body, StandardCharsets.UTF_8);
            List<Alert> bound = JSON.readValue(text, new TypeReference<List<WAlert>>() { }).stream()
                    .map(WAlert::toAlert).toList();
            long pw = System.nanoTime() - w;
            long pc = mx.getCurrentThreadCpuTime() - c;
            if (streamed.size() != bound.size() || !streamed.getFirst().equals(bound.getFirst())) {
                throw new IllegalStateException("the decoders disagree");
            }
            size = streamed.size();
            if (i >= 0) {
                out[0][i] = sw;
                out[1][i] = sc;
                out[2][i] = pw;
                out[3][i] = pc;
            }
        }
        for (long[] a : out) {
            Arrays.sort(a);
        }
        System.out.printf("decoded %,d alerts per run%n", size);
        return out;
    }
}
