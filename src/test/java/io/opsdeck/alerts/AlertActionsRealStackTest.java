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

/** Acknowledgements and silences sent to a real Alertmanager 0.25 HA pair, checked through its API on both peers. */
class AlertActionsRealStackTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(2).alertmanagerConfig(TestAlerts.CONFIG).build();

    private static AlertmanagerClient peer0;
    private static AlertmanagerClient peer1;
    private static AlertmanagerFleet fleet;
    private static AlertWorkspace workspace;
    private static final List<AlertAction> actions = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void connect() {
        peer0 = AlertmanagerClient.builder(STACK.alertmanagers().get(0).baseUrl()).name("am-0").build();
        peer1 = AlertmanagerClient.builder(STACK.alertmanagers().get(1).baseUrl()).name("am-1").build();
        fleet = AlertmanagerFleet.builder().add("eu", peer0).add("eu", peer1).closeClients(false).build();
        workspace = AlertWorkspace.builder(fleet).refreshInterval(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void disconnect() {
        fleet.close();
        peer0.close();
        peer1.close();
    }

    /** Posts to both peers, as Prometheus does, and waits until the workspace shows them all. */
    private static WorkspaceSnapshot post(String run, List<PostableAlert> alerts) {
        peer0.postAlerts(alerts);
        peer1.postAlerts(alerts);
        return await().atMost(Duration.ofSeconds(20)).until(workspace::refresh,
                s -> rows(s, run).size() == alerts.size() && rows(s, run).stream().allMatch(r -> r.sources().size() == 2));
    }

    private static List<AlertRow> rows(WorkspaceSnapshot s, String run) {
        return s.rows().stream().filter(r -> r.label("test").equals(run)).toList();
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

    @Test
    void thePreviewCountsExactlyWhatAlertmanagerThenSilences() {
        String run = unique();
        List<PostableAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            alerts.add(alert(run, "HttpErrors", "instance", "web-" + i, "severity", i % 2 == 0 ? "critical" : "warning"));
        }
        alerts.add(alert(run, "NodeDown", "instance", "web-1"));
        alerts.add(alert(run, "DiskFull", "instance", "web-1")); // inhibited by NodeDown: suppressed, still counted
        WorkspaceSnapshot snap = post(run, alerts);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(workspace.refresh(), run).stream()
                .anyMatch(r -> r.state() == RowState.INHIBITED));
        snap = workspace.refresh();

        SilenceDraft draft = SilenceDraft.blank("ana", Set.of("eu"), Instant.now()).withComment("deploy")
                .addMatcher(io.opsdeck.alerts.MatcherDraft.equal("test", run))
                .addMatcher(new MatcherDraft("instance", "=~", "web-[13]"))
                .addMatcher(new MatcherDraft("severity", "!=", "critical"));
        Silencer silencer = Silencer.builder(fleet).listener(actions::add).build();
        SilencePreview preview = silencer.preview(draft, snap);
        assertThat(preview.count()).isEqualTo(4); // HttpErrors web-1, web-3, NodeDown web-1, DiskFull web-1
        assertThat(preview.confirmation()).isEmpty();

        SilenceOutcome out = silencer.save(draft, snap, null);
        String id = out.ids().get("eu");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                peer0.alerts(AlertQuery.all().withFilter(only(run))).stream()
                        .filter(a -> a.status().silencedBy().contains(id)).count()).isEqualTo(preview.count()));
    }

    @Test
    void anInvalidRegexIsAnInlineErrorAndNothingIsSent() {
        String run = unique();
        int before = peer0.silences().size();
        SilenceDraft draft = SilenceDraft.blank("ana", Set.of("eu"), Instant.now()).withComment("x")
                .addMatcher(MatcherDraft.equal("test", run))
                .addMatcher(new MatcherDraft("severity", "=~", "crit("));
        Silencer silencer = Silencer.builder(fleet).build();
        assertThatThrownBy(() -> silencer.save(draft, workspace.refresh(), null))
                .isInstanceOfSatisfying(SilenceDraftException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.matcherIndex()).isEqualTo(1);
                        assertThat(p.message()).isEqualTo("invalid regex \"crit(\": Unclosed group");
                    });
                    assertThat(e.getMessage()).isEqualTo("silence not sent: matcher 2: invalid regex \"crit(\": Unclosed group");
                });
        assertThat(peer0.silences()).hasSize(before);
        assertThat(peer1.silences()).hasSize(before);
    }

    @Test
    void aBroadSilenceIsOnlySentWithTheTypedCount() {
        String run = unique();
        List<PostableAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            alerts.add(alert(run, "HttpErrors", "instance", "web-" + i));
        }
        WorkspaceSnapshot snap = post(run, alerts);
        SilenceDraft draft = SilenceDraft.blank("ana", Set.of("eu"), Instant.now()).withComment("storm")
                .addMatcher(MatcherDraft.equal("test", run));
        Silencer silencer = Silencer.builder(fleet).build();
        assertThatThrownBy(() -> silencer.save(draft, snap, "21")).isInstanceOfSatisfying(SilenceDraftException.class,
                e -> assertThat(e.confirmation().prompt()).isEqualTo("This silence matches 22 alerts. Type 22 to confirm."));
        assertThat(fleet.silences(only(run)).silences()).isEmpty();
        assertThat(silencer.save(draft, snap, "22").ids()).containsOnlyKeys("eu");
        assertThat(fleet.silences(only(run)).silences()).hasSize(1);
    }

    @Test
    void editingMatchersMakesANewSilenceExtendingKeepsTheIdAndBulkExpireEndsThemAll() {
        String run = unique();
        Silencer silencer = Silencer.builder(fleet).listener(actions::add).build();
        WorkspaceSnapshot snap = workspace.refresh();
        SilenceDraft draft = SilenceDraft.blank("ana", Set.of("eu"), Instant.now()).withComment("maintenance")
                .addMatcher(MatcherDraft.equal("test", run)).addMatcher(MatcherDraft.equal("instance", "db-1"));
        String first = silencer.save(draft, snap, null).ids().get("eu");
        String second = silencer.save(draft.withMatcher(1, MatcherDraft.equal("instance", "db-2")), snap, null)
                .ids().get("eu");

        MergedSilence created = merged(run, first);
        SilenceOutcome edited = silencer.save(SilenceDraft.edit(created, "bob")
                .withMatcher(1, MatcherDraft.equal("instance", "db-3")), snap, null);
        String replacement = edited.ids().get("eu");
        assertThat(edited.replaced()).isTrue();
        assertThat(edited.replacedId()).isEqualTo(first);
        assertThat(edited.message()).isEqualTo("Alertmanager created a new silence " + replacement
                + " for the changed matchers and expired " + first + ".");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(peer0.silence(first))
                .hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(SilenceState.EXPIRED)));

        MergedSilence toExtend = merged(run, second);
        String extended = silencer.extend(toExtend, Duration.ofHours(1), "bob");
        assertThat(extended).isEqualTo(second);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(peer0.silence(second).orElseThrow().endsAt())
                .isAfter(toExtend.silence().endsAt().plus(Duration.ofMinutes(59))));

        ExpireResult bulk = silencer.expireAll(List.of(new SilenceId("eu", second), new SilenceId("eu", replacement)), "bob");
        assertThat(bulk.complete()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(peer1.silences(only(run)))
                .hasSize(3).extracting(Silence::state).containsOnly(SilenceState.EXPIRED));
        assertThat(actions).extracting(AlertAction::kind).contains(AlertAction.Kind.SILENCE_EDIT,
                AlertAction.Kind.SILENCE_EXTEND, AlertAction.Kind.SILENCE_EXPIRE);

        List<InventoryEntry> inventory = SilenceInventory.of(workspace.refresh(), SilenceInventory.DEFAULT_SOON, true);
        assertThat(inventory).filteredOn(e -> e.id().id().equals(second)).singleElement()
                .satisfies(e -> assertThat(e.silence().sources()).containsExactly("am-0", "am-1"));
    }

    @Test
    void theInventoryMarksSilencesThatMatchNothingAndThoseAboutToExpire() {
        String run = unique();
        post(run, List.of(alert(run, "HostDown", "instance", "web-1"), alert(run, "Other", "instance", "web-1")));
        Silencer silencer = Silencer.builder(fleet).build();
        WorkspaceSnapshot snap = workspace.refresh();
        SilenceDraft base = SilenceDraft.blank("ana", Set.of("eu"), Instant.now()).withComment("x")
                .addMatcher(MatcherDraft.equal("test", run));
        String matching = silencer.save(base.addMatcher(MatcherDraft.equal("alertname", "HostDown"))
                .withEnd(Instant.now().plus(Duration.ofMinutes(30))), snap, null).ids().get("eu");
        String nothing = silencer.save(base.addMatcher(MatcherDraft.equal("alertname", "Gone"))
                .withEnd(Instant.now().plus(Duration.ofHours(5))), snap, null).ids().get("eu");

        List<InventoryEntry> inventory = SilenceInventory.of(workspace.refresh(), Duration.ofHours(1), false);
        InventoryEntry m = inventory.stream().filter(e -> e.id().id().equals(matching)).findFirst().orElseThrow();
        InventoryEntry n = inventory.stream().filter(e -> e.id().id().equals(nothing)).findFirst().orElseThrow();
        assertThat(m.matchedAlerts()).isEqualTo(1);
        assertThat(m.matchesNothing()).isFalse();
        assertThat(m.expiringSoon()).isTrue();
        assertThat(n.matchesNothing()).isTrue();
        assertThat(n.expiringSoon()).isFalse();
    }

    private static MergedSilence merged(String run, String id) {
        return workspace.refresh().silences().stream().filter(s -> s.silence().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("silence " + id + " of run " + run + " not in the workspace"));
    }
}
