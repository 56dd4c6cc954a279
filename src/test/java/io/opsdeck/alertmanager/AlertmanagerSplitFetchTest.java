package io.opsdeck.alertmanager;

import static io.opsdeck.alertmanager.TestAlerts.only;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.opsdeck.teststack.RealStack;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A split fetch ({@code fetchParts}) on a real HA pair holding more than {@link AlertPartition#MIN_ALERTS} alerts,
 * with hostile alertnames (regex and quoting characters, a newline) and alerts without an alertname: the parts'
 * union is exactly the single GET, no alert twice, and the fleet's merged result is the same as without splitting.
 */
class AlertmanagerSplitFetchTest {

    /** Production-like timers: the tests' 1 s group interval would re-flush 10,000 alerts every second. */
    private static final String CONFIG = TestAlerts.CONFIG.replace("group_wait: 1s", "group_wait: 30s")
            .replace("group_interval: 1s", "group_interval: 5m");

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(2).alertmanagerConfig(CONFIG).build();

    private static final List<String> NAMES = List.of("HostDown", "DiskFull", "NodeDown", "a.b", "x|y", "quote\"d",
            "back\\slash", "(paren)", "[br]", "star*", "ünïcode", "new\nline", "^anchor$");
    private static final int ALERTS = AlertPartition.MIN_ALERTS + 700;

    private static final String RUN = unique();
    private static final List<AlertmanagerClient> CLIENTS = new ArrayList<>();

    @BeforeAll
    static void post() {
        List<PostableAlert> alerts = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            Map<String, String> labels = new LinkedHashMap<>();
            if (i % 97 != 0) { // every 97th has no alertname: it must land in the complement part
                labels.put("alertname", NAMES.get((i * i) % NAMES.size())); // uneven counts per name
            }
            labels.put("test", RUN);
            labels.put("instance", "host-" + i);
            labels.put("severity", i % 5 == 0 ? "critical" : "warning");
            alerts.add(PostableAlert.of(labels, Map.of("summary", "alert " + i)));
        }
        AlertmanagerClient a = client(0, 1);
        AlertmanagerClient b = client(1, 1);
        for (int from = 0; from < alerts.size(); from += 1000) {
            List<PostableAlert> batch = alerts.subList(from, Math.min(alerts.size(), from + 1000));
            a.postAlerts(batch);
            b.postAlerts(batch);
        }
        a.createOrUpdateSilence(TestAlerts.silence(Matcher.equal("alertname", "x|y")));
        await().atMost(Duration.ofSeconds(20)).until(() -> !b.silences().isEmpty()); // gossiped to the other peer
    }

    @AfterAll
    static void close() {
        CLIENTS.forEach(AlertmanagerClient::close);
    }

    private static AlertmanagerClient client(int peer, int parts) {
        AlertmanagerClient c = AlertmanagerClient.builder(STACK.alertmanagers().get(peer).baseUrl())
                .name("am-" + peer + "-k" + parts).timeout(Duration.ofSeconds(60)).fetchParts(parts).build();
        CLIENTS.add(c);
        return c;
    }

    private static List<Alert> fetch(AlertmanagerClient client, AlertQuery query) {
        List<Alert> out = new ArrayList<>();
        client.alerts(query, out::add);
        return out;
    }

    @Test
    void thePartsTogetherAreExactlyTheSingleGetWithNoAlertTwice() {
        AlertQuery query = AlertQuery.all().withFilter(only(RUN));
        List<Alert> single = client(0, 1).alerts(query);
        assertThat(single).hasSize(ALERTS);
        for (int parts = 2; parts <= 3; parts++) {
            AlertmanagerClient split = client(0, parts);
            assertThat(split.nextFetchParts()).as("nothing known yet").isEqualTo(1);
            assertThat(new HashSet<>(fetch(split, query))).isEqualTo(new HashSet<>(single));
            assertThat(split.nextFetchParts()).as("planned from the first answer").isEqualTo(parts);

            List<Alert> parted = fetch(split, query);

            assertThat(parted).hasSize(single.size());
            assertThat(parted.stream().map(Alert::fingerprint).distinct().count()).isEqualTo(single.size());
            assertThat(new HashSet<>(parted)).isEqualTo(new HashSet<>(single));
        }
    }

    @Test
    void theFleetMergesSplitFetchesOfBothPeersAsItMergesSingleOnes() {
        AlertQuery query = AlertQuery.all().withFilter(only(RUN));
        FleetSnapshot expected;
        try (AlertmanagerFleet plain = AlertmanagerFleet.builder().add("eu", client(0, 1)).add("eu", client(1, 1))
                .closeClients(false).build()) {
            expected = plain.alerts(query);
        }
        try (AlertmanagerFleet split = AlertmanagerFleet.builder().add("eu", client(0, 2)).add("eu", client(1, 3))
                .closeClients(false).build()) {
            split.alerts(query); // learns the alertname counts

            FleetSnapshot snapshot = split.alerts(query);

            assertThat(snapshot.failedSources()).isEmpty();
            assertThat(snapshot.alerts()).hasSize(ALERTS);
            assertThat(snapshot.alerts()).extracting(MergedAlert::alert)
                    .containsExactlyElementsOf(expected.alerts().stream().map(MergedAlert::alert).toList());
            assertThat(snapshot.alerts()).allSatisfy(m -> assertThat(m.sources()).hasSize(2));
            assertThat(snapshot.alerts()).filteredOn(m -> "x|y".equals(m.alert().alertname()))
                    .isNotEmpty().allSatisfy(m -> assertThat(m.alert().status().silencedBy()).hasSize(1));
        }
    }

    @Test
    @Timeout(60) // the held part is only released at the end: without cancelling it the fetch would wait 120 s
    void aFailingPartFailsThePeersFetchWithTheMessageOfASingleGetAndCancelsTheOtherParts() throws Exception {
        AlertQuery query = AlertQuery.all().withFilter(only(RUN));
        byte[] answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(STACK.alertmanagers().get(0).baseUrl()
                .resolve("/api/v2/alerts?filter=" + URLEncoder.encode("test=\"" + RUN + "\"", UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        CountDownLatch release = new CountDownLatch(1);
        // Replays the real answer, but fails the complement part and holds the other: a real Alertmanager cannot be
        // made to fail one request of two.
        HttpServer hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hostile.setExecutor(Executors.newCachedThreadPool());
        hostile.createContext("/", exchange -> {
            String q = exchange.getRequestURI().getQuery();
            byte[] body = answer;
            int status = 200;
            if (q != null && q.contains("alertname!~")) {
                body = "\"failed to get alerts: storage is sad\"".getBytes(UTF_8);
                status = 500;
            } else if (q != null && q.contains("alertname=~")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        hostile.start();
        URI url = URI.create("http://127.0.0.1:" + hostile.getAddress().getPort());
        try (AlertmanagerClient split = AlertmanagerClient.builder(url).name("am-hostile").fetchParts(2)
                .timeout(Duration.ofSeconds(120)).build();
             AlertmanagerClient single = AlertmanagerClient.builder(url).name("am-hostile").build()) {
            assertThat(fetch(split, query)).hasSize(ALERTS);
            String expected = catchThrowable(() -> single.alerts(query.withFilter(
                    List.of(Matcher.equal("test", RUN), Matcher.notRegex("alertname", "x"))))).getMessage();
            assertThat(expected).isEqualTo("Alertmanager am-hostile at " + url + "/api/v2/alerts answered HTTP 500:"
                    + " failed to get alerts: storage is sad.");

            assertThatThrownBy(() -> fetch(split, query)).isInstanceOf(AlertmanagerException.class)
                    .hasMessage(expected);

            try (AlertmanagerFleet fleet = AlertmanagerFleet.builder().add("eu", split).add("eu", client(1, 2))
                    .closeClients(false).build()) {
                FleetSnapshot snapshot = fleet.alerts(query);
                assertThat(snapshot.failedSources()).extracting(SourceHealth::source).containsExactly("am-hostile");
                assertThat(snapshot.health().get("am-hostile").lastError()).isEqualTo(expected);
                assertThat(snapshot.alerts()).hasSize(ALERTS)
                        .allSatisfy(m -> assertThat(m.sources()).containsExactly("am-1-k2"));
            }
        } finally {
            release.countDown();
            hostile.stop(0);
        }
    }

    @Test
    void settingOnePartTurnsSplittingOff() {
        AlertmanagerClient one = client(0, 1);
        fetch(one, AlertQuery.all().withFilter(only(RUN)));

        assertThat(one.nextFetchParts()).isEqualTo(1);
        assertThatThrownBy(() -> AlertmanagerClient.builder(STACK.alertmanagers().get(0).baseUrl()).fetchParts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fetchParts must be 1 to 8");
    }
}
