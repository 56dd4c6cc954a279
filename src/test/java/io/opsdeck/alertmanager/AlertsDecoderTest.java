package io.opsdeck.alertmanager;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import io.opsdeck.teststack.RealStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The streaming decoder of {@code GET /api/v2/alerts} gives what Jackson data-binding gives, on a real answer. */
class AlertsDecoderTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(1).alertmanagerConfig(TestAlerts.CONFIG).build();

    @Test
    void streamingDecodeOfARealAnswerEqualsDataBinding() throws Exception {
        String run = unique();
        URI base = STACK.alertmanagers().getFirst().baseUrl();
        try (AlertmanagerClient am = AlertmanagerClient.builder(base).name("am").build()) {
            am.postAlerts(List.of(alert(run, "NodeDown", "instance", "db-1", "severity", "critical"),
                    alert(run, "DiskFull", "instance", "db-1"),
                    new PostableAlert(Map.of("alertname", "Odd", "test", run, "note", "ünïcode \"quoted\" \\ <b>"),
                            Map.of("summary", "x".repeat(500)), Instant.now(), null, "http://127.0.0.1:9090/graph")));
            am.createOrUpdateSilence(TestAlerts.silence(Matcher.equal("alertname", "Odd"), Matcher.equal("test", run)));
            // silenced, inhibited and active alerts, receivers, generator URL: every field is in the answer
            await().atMost(Duration.ofSeconds(20)).until(() -> am.alerts(AlertQuery.all()).stream()
                    .filter(a -> run.equals(a.label("test"))).map(Alert::state).distinct().count() == 2);
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/v2/alerts")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();

            List<Alert> bound = Wire.JSON.readValue(body, new TypeReference<List<Wire.WAlert>>() { }).stream()
                    .map(Wire.WAlert::toAlert).toList();
            List<Alert> streamed = decode(body);

            assertThat(streamed).isEqualTo(bound);
            assertThat(streamed).filteredOn(a -> run.equals(a.label("test"))).hasSize(3)
                    .anySatisfy(a -> assertThat(a.status().inhibitedBy()).isNotEmpty())
                    .anySatisfy(a -> assertThat(a.status().silencedBy()).isNotEmpty());
        }
    }

    @Test
    void aStreamedAnswerLargerThanTheLimitIsRefused() {
        String run = unique();
        URI base = STACK.alertmanagers().getFirst().baseUrl();
        try (AlertmanagerClient small = AlertmanagerClient.builder(base).name("am").maxResponseBytes(1024).build()) {
            small.postAlerts(java.util.stream.IntStream.range(0, 20)
                    .mapToObj(i -> alert(run, "Big", "instance", "web-" + i)).toList());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> small.alerts(AlertQuery.all()))
                    .isInstanceOfSatisfying(AlertmanagerException.class, e -> {
                        assertThat(e.kind()).isEqualTo(AlertmanagerException.Kind.BAD_RESPONSE);
                        assertThat(e.getMessage()).contains("answered more than 1024 bytes");
                    });
        }
    }

    @Test
    void timestampsInUtcAndWithOffsetsParseLikeInstantParse() {
        for (String t : List.of("2026-11-22T22:11:57Z", "2026-11-22T22:11:57.1Z", "2026-11-22T22:11:57.123Z",
                "2026-11-22T22:11:57.123456789Z", "2024-02-29T23:59:59.999Z", "2026-11-22T23:11:57.5+01:00",
                "0001-01-01T00:00:00Z")) {
            assertThat(Timestamps.parse(t)).as(t).isEqualTo(Instant.parse(t));
        }
    }

    private static List<Alert> decode(String body) throws IOException {
        try (var parser = Wire.JSON.getFactory().createParser(body)) {
            return AlertsDecoder.decode(parser);
        }
    }
}
