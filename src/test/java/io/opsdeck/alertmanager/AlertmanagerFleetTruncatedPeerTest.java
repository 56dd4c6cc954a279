package io.opsdeck.alertmanager;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.only;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opsdeck.teststack.RealStack;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Peers are merged while they decode, so a peer whose answer breaks off halfway has already added alerts: they must
 * not stay. The broken peer is a local server replaying the real Alertmanager's answer with one extra alert and
 * cut off before the end (a real Alertmanager does not send that).
 */
class AlertmanagerFleetTruncatedPeerTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(1).alertmanagerConfig(TestAlerts.CONFIG).build();

    @Test
    void aPeerWhoseAnswerBreaksOffHalfwayAddsNoAlertsAndNoSources() throws Exception {
        URI realUrl = STACK.alertmanagers().get(0).baseUrl();
        String run = unique();
        AlertmanagerClient real = AlertmanagerClient.builder(realUrl).name("am-real").build();
        real.postAlerts(List.of(alert(run, "First"), alert(run, "Second")));
        String answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(realUrl.resolve("/api/v2/alerts?filter="
                + java.net.URLEncoder.encode("test=\"" + run + "\"", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body().strip();
        List<Alert> realAlerts = real.alerts(AlertQuery.all().withFilter(only(run)));
        assertThat(realAlerts).hasSize(2);
        String firstFingerprint = realAlerts.getFirst().fingerprint();
        String extra = answer.substring(1, answer.indexOf("}},{") + 2).replace(firstFingerprint, "ffff0000ffff0000");
        String broken = "[" + extra + "," + answer.substring(1, answer.length() - 1) + ",{\"annotations\":{\"summ";

        HttpServer hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hostile.createContext("/", exchange -> {
            byte[] body = broken.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        hostile.start();
        try (AlertmanagerFleet fleet = AlertmanagerFleet.builder()
                .add("eu", AlertmanagerClient.builder(URI.create("http://127.0.0.1:" + hostile.getAddress().getPort()))
                        .name("am-broken").build())
                .add("eu", real).build()) {
            FleetSnapshot snapshot = fleet.alerts(AlertQuery.all().withFilter(only(run)));
            assertThat(snapshot.alerts()).extracting(m -> m.alert().fingerprint())
                    .containsExactlyInAnyOrderElementsOf(realAlerts.stream().map(Alert::fingerprint).toList());
            assertThat(snapshot.alerts()).allSatisfy(m -> assertThat(m.sources()).containsExactly("am-real"));
            assertThat(snapshot.failedSources()).singleElement().satisfies(h -> {
                assertThat(h.source()).isEqualTo("am-broken");
                assertThat(h.lastError()).contains("malformed JSON");
            });
        } finally {
            hostile.stop(0);
        }
    }
}
