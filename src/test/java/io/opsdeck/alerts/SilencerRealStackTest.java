package io.opsdeck.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.only;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static io.opsdeck.alerts.HaPair.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.MergedSilence;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.Silence;
import io.opsdeck.alertmanager.SilenceState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Silences sent to a real Alertmanager 0.25 HA pair, checked through its API on both peers. */
class SilencerRealStackTest {

    @RegisterExtension
    static final HaPair PAIR = new HaPair();

    private static final List<AlertAction> actions = Collections.synchronizedList(new ArrayList<>());

    @Test
    void thePreviewCountsExactlyWhatAlertmanagerThenSilences() {
        String run = unique();
        List<PostableAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            alerts.add(alert(run, "HttpErrors", "instance", "web-" + i, "severity", i % 2 == 0 ? "critical" : "warning"));
        }
        alerts.add(alert(run, "NodeDown", "instance", "web-1"));
        alerts.add(alert(run, "DiskFull", "instance", "web-1")); // inhibited by NodeDown: suppressed, still counted
        WorkspaceSnapshot snap = PAIR.post(run, alerts);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(PAIR.workspace.refresh(), run).stream()
                .anyMatch(r -> r.state() == RowState.INHIBITED));
        snap = PAIR.workspace.refresh();

        SilenceDraft draft = SilenceDraft.blank("ana", Set.of("eu"), Instant.now()).withComment("deploy")
                .addMatcher(io.opsdeck.alerts.MatcherDraft.equal("test", run))
                .addMatcher(new MatcherDraft("instance", "=~", "web-[13]"))
                .addMatcher(new MatcherDraft("severity", "!=", "critical"));
        Silencer silencer = Silencer.builder(PAIR.fleet()).listener(actions::add).build();
        SilencePreview preview = silencer.preview(draft, snap);
        assertThat(preview.count()).isEqualTo(4); // HttpErrors web-1, web-3, NodeDown web-1, DiskFull web-1
        assertThat(preview.confirmation()).isEmpty();

        SilenceOutcome out = silencer.save(draft, snap, null);
        String id = out.ids().get("eu");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                PAIR.peer(0).alerts(AlertQuery.all().withFilter(only(run))).stream()
                        .filter(a -> a.status().silencedBy().contains(id)).count()).isEqualTo(preview.count()));
    }

    @Test
    void anInvalidRegexIsAnInlineErrorAndNothingIsSent() {
        String run = unique();
        int before = PAIR.peer(0).silences().size();
        SilenceDraft draft = SilenceDraft.blank("ana", Set.of("eu"), Instant.now()).withComment("x")
                .addMatcher(MatcherDraft.equal("test", run))
                .addMatcher(new MatcherDraft("severity", "=~", "crit("));
        Silencer silencer = Silencer.builder(PAIR.fleet()).build();
        assertThatThrownBy(() -> silencer.save(draft, PAIR.workspace.refresh(), null))
                .isInstanceOfSatisfying(SilenceDraftException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.matcherIndex()).isEqualTo(1);
                        assertThat(p.message()).isEqualTo("invalid regex \"crit(\": Unclosed group");
                    });
                    assertThat(e.getMessage()).isEqualTo("silence not sent: matcher 2: invalid regex \"crit(\": Unclosed group");
                });
        assertThat(PAIR.peer(0).silences()).hasSize(before);
        assertThat(PAIR.peer(1).silences()).hasSize(before);
    }

    @Test
    void aBroadSilenceIsOnlySentWithTheTypedCount() {
        String run = unique();
        List<PostableAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            alerts.add(alert(run, "HttpErrors", "instance", "web-" + i));
        }
        List<PostableAlert> bystander = List.of(alert(unique(), "Bystander")); // so it is not "every alert"
        PAIR.peer(0).postAlerts(bystander);
        PAIR.peer(1).postAlerts(bystander);
        WorkspaceSnapshot snap = PAIR.post(run, alerts);
        SilenceDraft draft = SilenceDraft.blank("ana", Set.of("eu"), Instant.now()).withComment("storm")
                .addMatcher(MatcherDraft.equal("test", run));
        Silencer silencer = Silencer.builder(PAIR.fleet()).build();
        assertThatThrownBy(() -> silencer.save(draft, snap, "21")).isInstanceOfSatisfying(SilenceDraftException.class,
                e -> assertThat(e.confirmation().prompt()).isEqualTo("This silence matches 22 alerts. Type 22 to confirm."));
        assertThat(PAIR.fleet().silences(only(run)).silences()).isEmpty();
        assertThat(silencer.save(draft, snap, "22").ids()).containsOnlyKeys("eu");
        assertThat(PAIR.fleet().silences(only(run)).silences()).hasSize(1);
    }

    @Test
    void editingMatchersMakesANewSilenceExtendingKeepsTheIdAndBulkExpireEndsThemAll() {
        String run = unique();
        Silencer silencer = Silencer.builder(PAIR.fleet()).listener(actions::add).build();
        WorkspaceSnapshot snap = PAIR.workspace.refresh();
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
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PAIR.peer(0).silence(first))
                .hasValueSatisfying(s -> assertThat(s.state()).isEqualTo(SilenceState.EXPIRED)));

        MergedSilence toExtend = merged(run, second);
        String extended = silencer.extend(toExtend, Duration.ofHours(1), "bob");
        assertThat(extended).isEqualTo(second);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PAIR.peer(0).silence(second).orElseThrow().endsAt())
                .isAfter(toExtend.silence().endsAt().plus(Duration.ofMinutes(59))));

        ExpireResult bulk = silencer.expireAll(List.of(new SilenceId("eu", second), new SilenceId("eu", replacement)), "bob");
        assertThat(bulk.complete()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PAIR.peer(1).silences(only(run)))
                .hasSize(3).extracting(Silence::state).containsOnly(SilenceState.EXPIRED));
        assertThat(actions).extracting(AlertAction::kind).contains(AlertAction.Kind.SILENCE_EDIT,
                AlertAction.Kind.SILENCE_EXTEND, AlertAction.Kind.SILENCE_EXPIRE);

        List<InventoryEntry> inventory = SilenceInventory.of(PAIR.workspace.refresh(), SilenceInventory.DEFAULT_SOON, true);
        assertThat(inventory).filteredOn(e -> e.id().id().equals(second)).singleElement()
                .satisfies(e -> assertThat(e.silence().sources()).containsExactly("am-0", "am-1"));
    }

    private static MergedSilence merged(String run, String id) {
        return PAIR.workspace.refresh().silences().stream().filter(s -> s.silence().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("silence " + id + " of run " + run + " not in the workspace"));
    }
}
