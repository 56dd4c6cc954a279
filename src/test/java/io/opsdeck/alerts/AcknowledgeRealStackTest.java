package io.opsdeck.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.only;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static io.opsdeck.alerts.HaPair.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.AlertState;
import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.SilenceState;
import io.opsdeck.alertmanager.TestAlerts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Acknowledgements sent to a real Alertmanager 0.25 HA pair, checked through its API on both peers. */
class AcknowledgeRealStackTest {

    @RegisterExtension
    static final HaPair PAIR = new HaPair();

    private static final List<AlertAction> actions = Collections.synchronizedList(new ArrayList<>());

    private static Filter runFilter(String run) {
        return Filter.parse("test=" + run);
    }

    @Test
    void acknowledgingAGroupOnAnHaPairCreatesOneSilenceThatSuppressesItsAlertsOnBothPeers() {
        String run = unique();
        WorkspaceSnapshot snap = PAIR.post(run, List.of(alert(run, "HostDown", "instance", "web-1", "severity", "critical"),
                alert(run, "HostDown", "instance", "web-2", "severity", "critical"),
                alert(run, "DiskFull", "instance", "web-1")));
        RowGroup hostDown = snap.view(runFilter(run), Grouping.DEFAULT).groups().get(0);
        assertThat(hostDown.key().values()).containsExactly("HostDown");

        Acknowledger acks = Acknowledger.builder(PAIR.fleet()).operator("ana").listener(actions::add).build();
        AckResult result = acks.acknowledge(snap, hostDown, "db failover");

        assertThat(result.complete()).isTrue();
        String id = result.silenceIds().get("eu");
        assertThat(result.matchers().get("eu")).extracting(Object::toString).containsExactly("alertname=\"HostDown\"",
                "instance=~\"web-1|web-2\"", "severity=\"critical\"", "test=\"" + run + "\"");
        for (AlertmanagerClient peer : List.of(PAIR.peer(0), PAIR.peer(1))) {
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
        WorkspaceSnapshot after = PAIR.workspace.refresh();
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
        for (AlertmanagerClient peer : List.of(PAIR.peer(0), PAIR.peer(1))) { // the other peer learns it by gossip
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(peer.silence(id))
                    .hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(SilenceState.EXPIRED)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(PAIR.workspace.refresh(), run).stream()
                .allMatch(r -> r.state() == RowState.FIRING));
    }

    @Test
    void unacknowledgingAnAlertAckedTwiceExpiresBothAckSilencesButNoOtherSilence() {
        String run = unique();
        WorkspaceSnapshot snap = PAIR.post(run, List.of(alert(run, "HostDown", "instance", "web-5")));
        Acknowledger acks = Acknowledger.builder(PAIR.fleet()).operator("ana").build();
        String first = acks.acknowledge(snap, rows(snap, run), "first").silenceIds().get("eu");
        String second = acks.acknowledge(snap, rows(snap, run), "second").silenceIds().get("eu");
        String plain = PAIR.fleet().createSilenceOnCluster("eu", TestAlerts.silence(io.opsdeck.alertmanager.Matcher.equal("test", run)));
        WorkspaceSnapshot acked = await().atMost(Duration.ofSeconds(10)).until(PAIR.workspace::refresh,
                s -> rows(s, run).getFirst().alert().status().silencedBy().size() == 3);
        assertThat(Acknowledger.ackSilences(acked, rows(acked, run)))
                .containsExactlyInAnyOrder(new SilenceId("eu", first), new SilenceId("eu", second));

        ExpireResult result = acks.unacknowledge(acked, rows(acked, run));

        assertThat(result.complete()).isTrue();
        assertThat(result.expired()).containsExactlyInAnyOrder(new SilenceId("eu", first), new SilenceId("eu", second));
        for (AlertmanagerClient peer : List.of(PAIR.peer(0), PAIR.peer(1))) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(peer.silence(first).orElseThrow().state()).isEqualTo(SilenceState.EXPIRED);
                assertThat(peer.silence(second).orElseThrow().state()).isEqualTo(SilenceState.EXPIRED);
                assertThat(peer.silence(plain).orElseThrow().state()).isEqualTo(SilenceState.ACTIVE);
            });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(PAIR.workspace.refresh(), run).getFirst().state() == RowState.SILENCED);
    }

    @Test
    void anAcknowledgementThatWouldAlsoCoverOtherAlertsIsRefusedAndSendsNothing() {
        String run = unique();
        WorkspaceSnapshot snap = PAIR.post(run, List.of(alert(run, "HostDown", "instance", "web-1", "job", "node"),
                alert(run, "HostDown", "instance", "web-2", "job", "app"),
                alert(run, "HostDown", "instance", "web-1", "job", "app")));
        List<AlertRow> chosen = rows(snap, run).stream().filter(r -> !(r.label("instance").equals("web-1")
                && r.label("job").equals("app"))).toList();
        Acknowledger acks = Acknowledger.builder(PAIR.fleet()).build();
        assertThatThrownBy(() -> acks.acknowledge(snap, chosen, "")).isInstanceOf(AckRefusedException.class)
                .hasMessageContaining("would also cover 1 alert(s) not chosen");
        assertThat(PAIR.fleet().silences(only(run)).silences()).isEmpty();
    }
}
