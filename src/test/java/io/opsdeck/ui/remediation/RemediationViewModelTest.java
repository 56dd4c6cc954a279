package io.opsdeck.ui.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.agent.RemediationAgent;
import io.opsdeck.console.RemediationItem;
import io.opsdeck.console.RemediationPlanChoice;
import io.opsdeck.console.RemediationRisk;
import io.opsdeck.console.RemediationService;
import io.opsdeck.console.TestClock;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Remediation view model on a real in-process agent, with a same-thread task runner and no toolkit. */
class RemediationViewModelTest {

    @RegisterExtension
    static final RemediationAgent AGENT = RemediationAgent.perClass();
    private final Messages messages = Messages.english();

    private RemediationViewModel vm(String user) {
        RemediationService s = AGENT.service(user);
        return new RemediationViewModel(Optional.of(s), TaskRunner.sameThread(), messages, Clock.systemUTC());
    }

    private static RemediationItem pendingOn(RemediationViewModel vm, String host) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            vm.refresh();
            return vm.pending().stream().anyMatch(r -> host.equals(r.target()));
        });
        return vm.pending().stream().filter(r -> host.equals(r.target())).findFirst().orElseThrow();
    }

    @Test
    void withoutAnAgentTheModelSaysSoAndAsksNothing() {
        RemediationViewModel vm = new RemediationViewModel(Optional.empty(), TaskRunner.sameThread(), messages, Clock.systemUTC());
        vm.activate();
        assertThat(vm.available()).isFalse();
        assertThat(vm.pending()).isEmpty();
        String[] problem = {null};
        vm.plansFor("abc", plans -> { }, p -> problem[0] = p);
        assertThat(problem[0]).isEqualTo(messages.get("remediation.noAgent")).contains("No agent is configured");
    }

    @Test
    void nothingIsFetchedUntilActivatedAndAllTabsFillTogether() throws Exception {
        RemediationViewModel vm = vm("vera");
        AGENT.fire("WebDown", "web-11");
        vm.refresh();
        assertThat(vm.pending()).isEmpty();
        assertThat(vm.toggles()).isEmpty();
        vm.activate();
        pendingOn(vm, "web-11");
        assertThat(vm.toggles()).containsKeys("auto", "dry_run", "plan.restart-web");
        assertThat(vm.history()).anySatisfy(r -> assertThat(r.target()).isEqualTo("web-11"));
        vm.historyTextProperty().set("web-11");
        assertThat(vm.history()).isNotEmpty().allSatisfy(r -> assertThat(r.searchText()).contains("web-11"));
        vm.historyTextProperty().set("nothing-matches-this");
        assertThat(vm.history()).isEmpty();
        vm.deactivate();
        vm.historyTextProperty().set("");
        assertThat(vm.history()).as("hidden: no refresh").isEmpty();
    }

    @Test
    void aDecisionNeedsACommentAndTheAgentsRefusalIsShownAsItIs() throws Exception {
        RemediationViewModel vm = vm("alice");
        vm.activate();
        String fingerprint = AGENT.fire("WebDown", "web-12");
        RemediationItem fromAlert = pendingOn(vm, "web-12");
        vm.selectedPendingProperty().set(fromAlert);
        vm.approve();
        assertThat(vm.errorProperty().get()).isEqualTo(messages.get("remediation.commentRequired"));
        assertThat(vm.canDecide()).isFalse();
        assertThat(pendingOn(vm, "web-12").status()).isEqualTo("pending_approval");

        List<RemediationPlanChoice> plans = new ArrayList<>();
        vm.plansFor(fingerprint, plans::addAll, p -> { });
        assertThat(plans).extracting(RemediationPlanChoice::plan).containsExactly("restart-web");
        String[] triggered = {null};
        vm.trigger("restart-web", fingerprint, "by hand", t -> triggered[0] = t);
        assertThat(triggered[0]).startsWith("Started restart-web");
        RemediationItem mine = vm.pending().stream().filter(r -> "alice".equals(r.requestedBy())).findFirst().orElseThrow();
        vm.selectedPendingProperty().set(mine);
        vm.commentProperty().set("my own");
        vm.approve();
        assertThat(vm.errorProperty().get()).contains("alice requested this and cannot approve it").contains("agent (http://127.0.0.1:");
        assertThat(vm.commentProperty().get()).as("kept for another try").isEqualTo("my own");
        vm.refresh();
        assertThat(vm.selectedPendingProperty().get().id()).as("a refresh keeps the selection").isEqualTo(mine.id());
        assertThat(vm.commentProperty().get()).as("and the comment").isEqualTo("my own");

        vm.selectedPendingProperty().set(vm.pending().stream().filter(r -> r.id().equals(fromAlert.id())).findFirst().orElseThrow());
        assertThat(vm.commentProperty().get()).as("a comment belongs to one request").isEmpty();
        vm.commentProperty().set("not needed");
        vm.reject();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Rejected restart-web on web-12");
        assertThat(vm.commentProperty().get()).isEmpty();
        assertThat(vm.pending()).extracting(RemediationItem::id).doesNotContain(fromAlert.id());
        assertThat(AGENT.audit(fromAlert.id())).contains("not needed");
        vm.selectedPendingProperty().set(mine);
        vm.commentProperty().set("cleanup");
        vm.reject();
    }

    @Test
    void timeLeftCountsDownOnTheConsoleClock() {
        TestClock clock = TestClock.at("2026-11-22T03:00:00Z");
        RemediationViewModel vm = new RemediationViewModel(Optional.empty(), TaskRunner.sameThread(), messages, clock);
        RemediationItem r = new RemediationItem("id-1", "restart-web", "web-1", null, "WebDown", Map.of(), "pending_approval", null,
                new RemediationRisk(RemediationRisk.Level.MEDIUM, List.of("base")), 1, List.of(), "alertmanager", "exec", null, null,
                clock.instant(), clock.instant().plus(Duration.ofSeconds(250)), null, null);
        assertThat(vm.timeLeft(r)).isEqualTo("4 min 10 s left to approve");
        clock.advance(Duration.ofSeconds(245));
        vm.tick();
        assertThat(vm.timeLeft(r)).isEqualTo("5 s left to approve");
        clock.advance(Duration.ofSeconds(5));
        vm.tick();
        assertThat(vm.timeLeft(r)).isEqualTo("expired");
        assertThat(vm.timeLeft(new RemediationItem("id-2", "p", null, null, null, null, "running", null, null, 0, null, null, null,
                null, null, Instant.EPOCH, null, null, null))).isEmpty();
    }

    @Test
    void aToggleChangeIsMadeByTheAgentAndShown() throws Exception {
        RemediationViewModel vm = vm("ada");
        vm.activate();
        vm.setToggle("dry_run", true);
        assertThat(vm.toggles()).containsEntry("dry_run", true);
        assertThat(vm.messageProperty().get()).isEqualTo("Toggle dry_run is now on.");
        vm.setToggle("dry_run", false);
        assertThat(vm.toggles()).containsEntry("dry_run", false);
        RemediationViewModel viewer = vm("vera");
        viewer.activate();
        viewer.setToggle("auto", false);
        assertThat(viewer.errorProperty().get()).contains("token refused").contains("needs admin");
        assertThat(viewer.toggles()).containsEntry("auto", true);
    }
}
