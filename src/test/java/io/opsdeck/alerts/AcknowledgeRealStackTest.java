package io.opsdeck.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.only;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.AlertState;
import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.MergedSilence;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.Silence;
import io.opsdeck.alertmanager.SilenceState;
import io.opsdeck.alertmanager.TestAlerts;
import io.opsdeck.teststack.RealStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Acknowledgements sent to a real Alertmanager 0.25 HA pair, checked through its API on both peers. */
class AcknowledgeRealStackTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(2).alertmanagerConfig(TestAlerts.CONFIG).build();

    private static HaPair pair;
    private static AlertmanagerClient peer0;
    private static AlertmanagerClient peer1;
    private static AlertmanagerFleet fleet;
    private static AlertWorkspace workspace;
    private static final List<AlertAction> actions = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void connect() {
        pair = new HaPair(STACK);
        peer0 = pair.peer0;
        peer1 = pair.peer1;
        fleet = pair.fleet;
        workspace = pair.workspace;
    }

    @AfterAll
    static void disconnect() {
        pair.close();
    }

    private static WorkspaceSnapshot post(String run, List<PostableAlert> alerts) {
        return pair.post(run, alerts);
    }

    private static List<AlertRow> rows(WorkspaceSnapshot s, String run) {
        return HaPair.rows(s, run);
    }

    private static Filter runFilter(String run) {
        return Filter.parse("test=" + run);
    }

    @Test
    void acknowledgingAGroupOnAnHaPairCreatesOneSilenceThatSuppressesItsAlertsOnBothPeers() {
        String run = unique();
        WorkspaceSnapshot snap = post(run, List.of(alert(run, "HostDown", "instance", "web-1", "severity", "critical"),
                alert(run, "HostDown", "instance", "web-2", "severity", "critical"),
                alert(run, "DiskFull", "instance", "web-1")));
        RowGroup hostDown = snap.view(runFilter(run), Grouping.DEFAULT).groups().get(0);
        assertThat(hostDown.key().values()).containsExactly("HostDown");

        Acknowledger acks = Acknowledger.builder(fleet).operator("ana").listener(actions::add).build();
        AckResult result = acks.acknowledge(snap, hostDown, "db failover");

        assertThat(result.complete()).isTrue();
        String id = result.silenceIds().get("eu");
        assertThat(result.matchers().get("eu")).extracting(Object::toString).containsExactly("alertname=\"HostDown\"",
                "instance=~\"web-1|web-2\"", "severity=\"critical\"", "test=\"" + run + "\"");
        for (AlertmanagerClient peer : List.of(peer0, peer1)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(peer.silences(only(run))).singleElement().satisfies(s -> {
                        assertThat(s.id()).isEqualTo(id);
                        assertThat(s.comment()).isEqualTo("ACK! db failover (via OpsDeck)");
                        assertThat(s.createdBy()).isEqualTo("ana");
                        assertThat(Duration.between(s.startsAt(), s.endsAt())).isBetween(Duration.ofMinutes(14),
                                Duration.ofMinutes(16));
                    }));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<Alert> alerts = peer.alerts(AlertQuery.all().withFilter(only(run)));
                assertThat(alerts).filteredOn(a -> a.alertname().equals("HostDown")).hasSize(2).allSatisfy(a -> {
                    assertThat(a.state()).isEqualTo(AlertState.SUPPRESSED);
                    assertThat(a.status().silencedBy()).containsExactly(id);
                });
                assertThat(alerts).filteredOn(a -> a.alertname().equals("DiskFull")).singleElement()
                        .satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.ACTIVE));
            });
        }
        WorkspaceSnapshot after = workspace.refresh();
        assertThat(rows(after, run)).filteredOn(r -> r.alertname().equals("HostDown")).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(RowState.ACKNOWLEDGED);
            assertThat(r.acknowledgement().orElseThrow().by()).isEqualTo("ana");
            assertThat(r.acknowledgement().orElseThrow().expiringSoon()).isFalse();
        });
        assertThat(actions).anySatisfy(a -> {
            assertThat(a.kind()).isEqualTo(AlertAction.Kind.ACKNOWLEDGE);
            assertThat(a.silenceId()).isEqualTo(id);
        });

        ExpireResult unack = acks.unacknowledge(rows(after, run));
        assertThat(unack.expired()).containsExactly(new SilenceId("eu", id));
        for (AlertmanagerClient peer : List.of(peer0, peer1)) { // the other peer learns it by gossip
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(peer.silence(id))
                    .hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(SilenceState.EXPIRED)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(workspace.refresh(), run).stream()
                .allMatch(r -> r.state() == RowState.FIRING));
    }

    @Test
    void unacknowledgingAnAlertAckedTwiceExpiresBothAckSilencesButNoOtherSilence() {
        String run = unique();
        WorkspaceSnapshot snap = post(run, List.of(alert(run, "HostDown", "instance", "web-5")));
        Acknowledger acks = Acknowledger.builder(fleet).operator("ana").build();
        String first = acks.acknowledge(snap, rows(snap, run), "first").silenceIds().get("eu");
        String second = acks.acknowledge(snap, rows(snap, run), "second").silenceIds().get("eu");
        String plain = fleet.createSilenceOnCluster("eu", TestAlerts.silence(io.opsdeck.alertmanager.Matcher.equal("test", run)));
        WorkspaceSnapshot acked = await().atMost(Duration.ofSeconds(10)).until(workspace::refresh,
                s -> rows(s, run).getFirst().alert().status().silencedBy().size() == 3);
        assertThat(Acknowledger.ackSilences(acked, rows(acked, run)))
                .containsExactlyInAnyOrder(new SilenceId("eu", first), new SilenceId("eu", second));

        ExpireResult result = acks.unacknowledge(acked, rows(acked, run));

        assertThat(result.complete()).isTrue();
        assertThat(result.expired()).containsExactlyInAnyOrder(new SilenceId("eu", first), new SilenceId("eu", second));
        for (AlertmanagerClient peer : List.of(peer0, peer1)) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(peer.silence(first).orElseThrow().state()).isEqualTo(SilenceState.EXPIRED);
                assertThat(peer.silence(second).orElseThrow().state()).isEqualTo(SilenceState.EXPIRED);
                assertThat(peer.silence(plain).orElseThrow().state()).isEqualTo(SilenceState.ACTIVE);
            });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(workspace.refresh(), run).getFirst().state() == RowState.SILENCED);
    }

    @Test
    void anAcknowledgementThatWouldAlsoCoverOtherAlertsIsRefusedAndSendsNothing() {
        String run = unique();
        WorkspaceSnapshot snap = post(run, List.of(alert(run, "HostDown", "instance", "web-1", "job", "node"),
                alert(run, "HostDown", "instance", "web-2", "job", "app"),
                alert(run, "HostDown", "instance", "web-1", "job", "app")));
        List<AlertRow> chosen = rows(snap, run).stream().filter(r -> !(r.label("instance").equals("web-1")
                && r.label("job").equals("app"))).toList();
        Acknowledger acks = Acknowledger.builder(fleet).build();
        assertThatThrownBy(() -> acks.acknowledge(snap, chosen, "")).isInstanceOf(AckRefusedException.class)
                .hasMessageContaining("would also cover 1 alert(s) not chosen");
        assertThat(fleet.silences(only(run)).silences()).isEmpty();
    }
}
