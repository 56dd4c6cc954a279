package io.opsdeck.alertmanager;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.only;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsdeck.teststack.AlertmanagerPair;
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
    static final AlertmanagerPair PAIR = new AlertmanagerPair();

    private static AlertmanagerFleet fleet;

    @BeforeAll
    static void connect() {
        fleet = AlertmanagerFleet.builder().add("eu", PAIR.peer(0)).add("eu", PAIR.peer(1)).build();
    }

    @AfterAll
    static void disconnect() {
        fleet.close();
    }

    @Test
    void anAlertPostedToBothPeersIsListedOnceWithBothSources() {
        String run = unique();
        PostableAlert alert = alert(run, "HighLoad", "instance", "web-1", "severity", "warning");
        PAIR.peer(0).postAlerts(List.of(alert));
        PAIR.peer(1).postAlerts(List.of(alert));
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
        PAIR.peer(0).postAlerts(List.of(alert(run, "Flapping")));
        await().pollDelay(Duration.ofMillis(20)).atMost(Duration.ofSeconds(5)).until(() -> Instant.now()
                .isAfter(PAIR.peer(0).alerts(AlertQuery.all().withFilter(only(run))).getFirst().updatedAt()));
        PAIR.peer(1).postAlerts(List.of(alert(run, "Flapping")));
        Instant newer = PAIR.peer(1).alerts(AlertQuery.all().withFilter(only(run))).getFirst().updatedAt();
        Instant older = PAIR.peer(0).alerts(AlertQuery.all().withFilter(only(run))).getFirst().updatedAt();
        assertThat(newer).isAfter(older);

        MergedAlert merged = fleet.alerts(AlertQuery.all().withFilter(only(run))).alerts().getFirst();

        assertThat(merged.alert().updatedAt()).isEqualTo(newer);
    }

    @Test
    void anAlertOnOnlyOnePeerNamesOnlyThatPeer() {
        String run = unique();
        PAIR.peer(1).postAlerts(List.of(alert(run, "OnlyHere")));

        assertThat(fleet.alerts(AlertQuery.all().withFilter(only(run))).alerts())
                .singleElement().satisfies(m -> assertThat(m.sources()).containsExactly("am-1"));
    }

    @Test
    void theSameAlertInDifferentClustersStaysSeparate() {
        String run = unique();
        PAIR.peer(0).postAlerts(List.of(alert(run, "Everywhere")));
        PAIR.peer(1).postAlerts(List.of(alert(run, "Everywhere")));
        try (AlertmanagerFleet split = AlertmanagerFleet.builder().closeClients(false)
                .add("eu", PAIR.peer(0)).add("us", PAIR.peer(1)).build()) {
            assertThat(split.alerts(AlertQuery.all().withFilter(only(run))).alerts())
                    .extracting(MergedAlert::cluster, MergedAlert::sources)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("eu", java.util.Set.of("am-0")),
                            org.assertj.core.groups.Tuple.tuple("us", java.util.Set.of("am-1")));
        }
    }

    @Test
    void aSilenceCreatedOnceForTheClusterIsSeenOnBothPeersAndMergedById() {
        String run = unique();
        PAIR.peer(0).postAlerts(List.of(alert(run, "Noisy")));
        PAIR.peer(1).postAlerts(List.of(alert(run, "Noisy")));

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
