package io.opsdeck.alertmanager;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.only;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsdeck.teststack.RealStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cluster view over a real HA pair: deduplication, freshness, silences once per cluster. */
class AlertmanagerFleetTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(2).alertmanagerConfig(TestAlerts.CONFIG).build();

    private static AlertmanagerClient am0;
    private static AlertmanagerClient am1;
    private static AlertmanagerFleet fleet;

    @BeforeAll
    static void connect() {
        am0 = AlertmanagerClient.builder(STACK.alertmanagers().get(0).baseUrl()).name("am-0").build();
        am1 = AlertmanagerClient.builder(STACK.alertmanagers().get(1).baseUrl()).name("am-1").build();
        fleet = AlertmanagerFleet.builder().add("eu", am0).add("eu", am1).build();
    }

    @AfterAll
    static void disconnect() {
        fleet.close();
    }

    @Test
    void anAlertPostedToBothPeersIsListedOnceWithBothSources() {
        String run = unique();
        PostableAlert alert = alert(run, "HighLoad", "instance", "web-1", "severity", "warning");
        am0.postAlerts(List.of(alert));
        am1.postAlerts(List.of(alert));
        Instant before = Instant.now();

        FleetSnapshot snapshot = fleet.alerts(AlertQuery.all().withFilter(only(run)));

        assertThat(snapshot.alerts()).singleElement().satisfies(merged -> {
            assertThat(merged.cluster()).isEqualTo("eu");
            assertThat(merged.sources()).containsExactly("am-0", "am-1");
            assertThat(merged.alert().alertname()).isEqualTo("HighLoad");
        });
        assertThat(snapshot.health()).containsOnlyKeys("am-0", "am-1");
        assertThat(snapshot.health().values()).allSatisfy(h -> {
            assertThat(h.healthy()).isTrue();
            assertThat(h.lastSuccess()).isAfterOrEqualTo(before.minusMillis(1));
            assertThat(h.cluster()).isEqualTo("eu");
        });
        assertThat(snapshot.anySourceAnswered()).isTrue();
        assertThat(snapshot.failedSources()).isEmpty();
    }

    @Test
    void theMostRecentlyUpdatedCopyWins() {
        String run = unique();
        am0.postAlerts(List.of(alert(run, "Flapping")));
        await().pollDelay(Duration.ofMillis(20)).atMost(Duration.ofSeconds(5)).until(() -> Instant.now()
                .isAfter(am0.alerts(AlertQuery.all().withFilter(only(run))).getFirst().updatedAt()));
        am1.postAlerts(List.of(alert(run, "Flapping")));
        Instant newer = am1.alerts(AlertQuery.all().withFilter(only(run))).getFirst().updatedAt();
        Instant older = am0.alerts(AlertQuery.all().withFilter(only(run))).getFirst().updatedAt();
        assertThat(newer).isAfter(older);

        MergedAlert merged = fleet.alerts(AlertQuery.all().withFilter(only(run))).alerts().getFirst();

        assertThat(merged.alert().updatedAt()).isEqualTo(newer);
    }

    @Test
    void anAlertOnOnlyOnePeerNamesOnlyThatPeer() {
        String run = unique();
        am1.postAlerts(List.of(alert(run, "OnlyHere")));

        assertThat(fleet.alerts(AlertQuery.all().withFilter(only(run))).alerts())
                .singleElement().satisfies(m -> assertThat(m.sources()).containsExactly("am-1"));
    }

    @Test
    void theSameAlertInDifferentClustersStaysSeparate() {
        String run = unique();
        am0.postAlerts(List.of(alert(run, "Everywhere")));
        am1.postAlerts(List.of(alert(run, "Everywhere")));
        try (AlertmanagerFleet split = AlertmanagerFleet.builder().closeClients(false)
                .add("eu", am0).add("us", am1).build()) {
            assertThat(split.alerts(AlertQuery.all().withFilter(only(run))).alerts())
                    .extracting(MergedAlert::cluster, MergedAlert::sources)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("eu", java.util.Set.of("am-0")),
                            org.assertj.core.groups.Tuple.tuple("us", java.util.Set.of("am-1")));
        }
    }

    @Test
    void aSilenceCreatedOnceForTheClusterIsSeenOnBothPeersAndMergedById() {
        String run = unique();
        am0.postAlerts(List.of(alert(run, "Noisy")));
        am1.postAlerts(List.of(alert(run, "Noisy")));

        String id = fleet.createSilenceOnCluster("eu", TestAlerts.silence(Matcher.equal("test", run)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SilenceSnapshot silences = fleet.silences(only(run));
            assertThat(silences.silences()).singleElement().satisfies(s -> {
                assertThat(s.silence().id()).isEqualTo(id);
                assertThat(s.sources()).containsExactly("am-0", "am-1");
            });
            assertThat(fleet.alerts(AlertQuery.all().withFilter(only(run))).alerts()).singleElement()
                    .satisfies(m -> assertThat(m.alert().status().silencedBy()).containsExactly(id));
        });
        assertThat(fleet.alerts(AlertQuery.activeOnly().withFilter(only(run))).alerts()).isEmpty();

        fleet.expireSilenceOnCluster("eu", id);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fleet.silences(only(run)).silences())
                .singleElement().satisfies(s -> {
                    assertThat(s.silence().state()).isEqualTo(SilenceState.EXPIRED);
                    assertThat(s.sources()).containsExactly("am-0", "am-1");
                }));
    }

    @Test
    void aRejectedSilenceIsNotRetriedOnTheOtherPeer() {
        Instant now = Instant.now();
        SilenceSpec backwards = new SilenceSpec(null, only(unique()), now, now.minusSeconds(60), "t", "backwards");

        assertThatThrownBy(() -> fleet.createSilenceOnCluster("eu", backwards))
                .isInstanceOfSatisfying(AlertmanagerException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getSuppressed()).isEmpty();
                });
        assertThat(fleet.health().values()).allMatch(SourceHealth::healthy);
    }

    @Test
    void anUnknownClusterIsNamed() {
        assertThatThrownBy(() -> fleet.createSilenceOnCluster("mars", TestAlerts.silence(Matcher.equal("a", "b"))))
                .hasMessage("unknown Alertmanager cluster 'mars'; known: [eu]");
    }
}
