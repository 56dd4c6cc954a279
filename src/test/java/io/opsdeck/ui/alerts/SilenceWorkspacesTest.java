package io.opsdeck.ui.alerts;

import static io.opsdeck.alertmanager.TestAlerts.alert;
import static io.opsdeck.alertmanager.TestAlerts.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.InventoryEntry;
import io.opsdeck.alerts.MatcherDraft;
import io.opsdeck.alerts.SilenceDraft;
import io.opsdeck.alerts.WorkspaceSnapshot;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The silence editor model and the Silences view model on a real Alertmanager HA pair, same-thread, no toolkit. */
class SilenceWorkspacesTest {

    @RegisterExtension
    static final AlertPair PAIR = new AlertPair();
    private final Messages messages = Messages.english();
    private final TaskRunner tasks = TaskRunner.sameThread();

    private WorkspaceSnapshot post(String run, List<PostableAlert> alerts) {
        PAIR.post(alerts);
        return await().atMost(Duration.ofSeconds(10)).until(PAIR.services.workspace()::refresh,
                s -> s.rows().stream().filter(r -> r.label("test").equals(run)).count() == alerts.size());
    }

    private static AlertRow row(WorkspaceSnapshot s, String run, String instance) {
        return s.rows().stream().filter(r -> r.label("test").equals(run) && r.label("instance").equals(instance))
                .findFirst().orElseThrow();
    }

    private SilenceEditorModel editorFor(WorkspaceSnapshot s, AlertRow row) {
        SilenceDraft draft = SilenceEditor.draftFor(row, PAIR.services)
                .addMatcher(MatcherDraft.equal("test", row.label("test")));
        return new SilenceEditorModel(draft, s, PAIR.services, tasks, messages);
    }

    @Test
    void anInvalidRegexShowsOnItsMatcherDisablesSaveAndSendsNothing() {
        String run = unique();
        WorkspaceSnapshot s = post(run, List.of(alert(run, "HostDown", "instance", "web-1")));
        SilenceEditorModel editor = editorFor(s, row(s, run, "web-1"));
        editor.comment("disk swap");
        assertThat(editor.canSave().get()).isTrue();
        assertThat(editor.previewProperty().get().count()).isEqualTo(1);

        editor.setMatcher(1, new MatcherDraft("instance", "=~", "web-("));
        assertThat(editor.matcherProblem(1)).hasValueSatisfying(p -> assertThat(p).containsIgnoringCase("regex"));
        assertThat(editor.matcherProblem(0)).isEmpty();
        assertThat(editor.canSave().get()).isFalse();
        int before = PAIR.peer(0).silences().size();
        editor.save();
        assertThat(PAIR.peer(0).silences()).hasSize(before);
        assertThat(PAIR.peer(1).silences()).hasSize(before);
        assertThat(AlertPair.activeSilences(PAIR.peer(0), run)).isEmpty();
    }

    @Test
    void thePreviewFollowsTheMatchersAndABroadSilenceNeedsItsCountTyped() {
        String run = unique();
        List<PostableAlert> many = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            many.add(alert(run, "HostDown", "instance", "web-" + i));
        }
        WorkspaceSnapshot s = post(run, many);
        SilenceEditorModel editor = editorFor(s, row(s, run, "web-1"));
        editor.comment("maintenance");
        assertThat(editor.previewProperty().get().count()).isEqualTo(1);

        editor.setMatcher(1, new MatcherDraft("instance", "=~", "web-.*"));
        assertThat(editor.previewProperty().get().count()).isEqualTo(22);
        assertThat(editor.previewProperty().get().confirmation()).isPresent();
        assertThat(editor.canSave().get()).isFalse();
        editor.confirmationProperty().set("21");
        assertThat(editor.canSave().get()).isFalse();
        editor.confirmationProperty().set("22");
        assertThat(editor.canSave().get()).isTrue();

        editor.save();
        assertThat(editor.messageProperty().get()).startsWith("Silence created");
        await().atMost(Duration.ofSeconds(10)).until(() -> AlertPair.activeSilences(PAIR.peer(1), run).size() == 1);
    }

    @Test
    void theSilencesViewListsAnAckSilenceAndExpireRemovesIt() {
        String run = unique();
        post(run, List.of(alert(run, "HostDown", "instance", "web-1")));
        AlertsViewModel alerts = new AlertsViewModel(PAIR.services, tasks, messages);
        alerts.filterTextProperty().set("test=" + run);
        alerts.activate();
        alerts.selectedRowProperty().set(alerts.viewProperty().get().groups().getFirst().rows().getFirst());
        alerts.acknowledge();

        SilencesViewModel silences = openSilences();
        InventoryEntry ack = awaitOurs(silences, run, l -> l.size() == 1).getFirst();
        assertThat(ack.acknowledgement()).isTrue();
        assertThat(ack.matchesNothing()).isFalse();
        assertThat(ack.silence().silence().createdBy()).isEqualTo("ana");

        silences.expire(List.of(ack));
        assertThat(silences.messageProperty().get()).isEqualTo("Expired 1 silence(s).");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            silences.refresh();
            return ours(silences, run).isEmpty() && AlertPair.activeSilences(PAIR.peer(0), run).isEmpty()
                    && AlertPair.activeSilences(PAIR.peer(1), run).isEmpty();
        });
    }

    @Test
    void extendingASilenceMovesItsEndAnHourLater() {
        String run = unique();
        WorkspaceSnapshot s = post(run, List.of(alert(run, "HostDown", "instance", "web-3")));
        SilenceEditorModel editor = editorFor(s, row(s, run, "web-3"));
        editor.comment("extend me");
        editor.save();
        SilencesViewModel silences = openSilences();
        InventoryEntry entry = awaitOurs(silences, run, l -> l.size() == 1).getFirst();

        silences.extend(List.of(entry));

        assertThat(silences.messageProperty().get()).startsWith("Extended by 1h");
        InventoryEntry after = awaitOurs(silences, run, l -> l.size() == 1
                && l.getFirst().silence().silence().endsAt().isAfter(entry.silence().silence().endsAt())).getFirst();
        assertThat(Duration.between(entry.silence().silence().endsAt(), after.silence().silence().endsAt()))
                .isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
    }

    @Test
    void editingASilencesMatchersSaysAlertmanagerMadeANewSilenceId() {
        String run = unique();
        WorkspaceSnapshot s = post(run, List.of(alert(run, "HostDown", "instance", "web-5"),
                alert(run, "HostDown", "instance", "web-6")));
        SilenceEditorModel create = editorFor(s, row(s, run, "web-5"));
        create.comment("first");
        create.save();
        SilencesViewModel silences = openSilences();
        InventoryEntry entry = awaitOurs(silences, run, l -> l.size() == 1).getFirst();

        SilenceEditorModel edit = new SilenceEditorModel(SilenceDraft.edit(entry.silence(), "ana"),
                silences.snapshotProperty().get(), PAIR.services, tasks, messages);
        edit.setMatcher(1, new MatcherDraft("instance", "=~", "web-5|web-6"));
        assertThat(edit.previewProperty().get().count()).isEqualTo(2);
        edit.onSaved(o -> silences.done(o.message()));
        edit.save();

        assertThat(silences.messageProperty().get()).contains("new silence").contains(entry.silence().silence().id());
        List<InventoryEntry> after = awaitOurs(silences, run, l -> l.size() == 1 && !l.getFirst().id().equals(entry.id()));
        assertThat(after.getFirst().matchedAlerts()).isEqualTo(2);
    }

    private SilencesViewModel openSilences() {
        SilencesViewModel silences = new SilencesViewModel(PAIR.services, tasks, messages);
        silences.activate();
        return silences;
    }

    /** This run's silences as the Silences view lists them, refreshed until {@code done} accepts them. */
    private static List<InventoryEntry> awaitOurs(SilencesViewModel vm, String run, Predicate<List<InventoryEntry>> done) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            vm.refresh();
            return ours(vm, run);
        }, done);
    }

    private static List<InventoryEntry> ours(SilencesViewModel vm, String run) {
        return vm.entries().stream().filter(e -> e.silence().silence().matchers().stream()
                .anyMatch(m -> m.value().contains(run))).toList();
    }
}
