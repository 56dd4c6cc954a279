package io.opsdeck.ui.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.agent.HistoryAgent;
import io.opsdeck.console.NotificationHistory;
import io.opsdeck.console.NotificationRecord;
import io.opsdeck.console.TestClock;
import io.opsdeck.console.live.AgentHistoryLive;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Notifications view model on a real agent in this process, callbacks on the test thread. */
class NotificationsViewModelTest {

    @TempDir
    Path dir;
    private final Messages messages = Messages.english();
    private HistoryAgent agent;
    private AgentHistoryLive live;
    private NotificationsViewModel vm;

    @BeforeEach
    void start() throws Exception {
        agent = new HistoryAgent(dir);
        live = AgentHistoryLive.connect(agent.endpoint(HistoryAgent.OPERATOR));
        vm = new NotificationsViewModel(live.history().notifications(), TaskRunner.sameThread(),
                java.time.Clock.systemUTC(), messages);
    }

    @AfterEach
    void stop() {
        live.close();
        agent.close();
    }

    @Test
    void withoutAnAgentItSaysSoAndAsksNothing() {
        NotificationsViewModel none = new NotificationsViewModel(NotificationHistory.none(), TaskRunner.sameThread(),
                TestClock.at("2026-11-22T03:00:00Z"), messages);
        assertThat(none.configured()).isFalse();
        none.search();
        assertThat(none.rows()).isEmpty();
        assertThat(none.messageProperty().get()).startsWith("No agent is configured.").contains("agent.url");
    }

    @Test
    void filtersBecomeTheSearchWithTheWindowCountedBackFromTheClock() {
        TestClock clock = TestClock.at("2026-11-22T03:00:00Z");
        NotificationsViewModel m = new NotificationsViewModel(NotificationHistory.none(), TaskRunner.sameThread(), clock, messages);
        m.alertProperty().set("  DiskFull ");
        m.channelProperty().set("");
        m.statusProperty().set("dead");
        m.windowProperty().set(HistoryWindow.WEEK);
        var q = m.query();
        assertThat(q.alert()).isEqualTo("DiskFull");
        assertThat(q.channel()).isNull();
        assertThat(q.status()).isEqualTo("dead");
        assertThat(q.since()).isEqualTo(Instant.parse("2026-11-15T03:00:00Z"));
        m.windowProperty().set(HistoryWindow.ALL);
        assertThat(m.query().since()).isNull();
    }

    @Test
    void searchListsWhatTheAgentSentAndStatusAndChannelNarrowIt() throws Exception {
        agent.alert("DiskFull", "warning", "fp-disk", false);
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            vm.statusProperty().set("dead");
            vm.search();
            return vm.rows().size() == 1;
        });
        assertThat(vm.rows().getFirst().channel()).isEqualTo("broken");
        assertThat(vm.rows().getFirst().lastError()).isNotEmpty();
        vm.statusProperty().set("");
        vm.channelProperty().set("chat");
        vm.search();
        assertThat(vm.rows()).extracting(NotificationRecord::channel).containsOnly("chat").hasSize(2);
        assertThat(vm.channels()).contains("chat", "broken");
        assertThat(vm.selectedProperty().get()).as("the newest is shown when nothing was selected").isEqualTo(vm.rows().getFirst());
        assertThat(vm.messageProperty().get()).isEqualTo("2 notification(s), newest first.");
        vm.alertProperty().set("nothing-like-this");
        vm.search();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("No notifications match these filters.");
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void resendReportsTheNewDeliveryAndSearchesAgainKeepingTheSelection() throws Exception {
        agent.alert("Resent", "warning", "fp-resent", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.receiver().received().size() == 2);
        vm.recipientProperty().set("alice");
        vm.search();
        NotificationRecord original = vm.rows().getFirst();
        vm.selectedProperty().set(original);
        vm.resend(original);
        assertThat(vm.messageProperty().get()).startsWith("Resent: a new delivery to chat / alice is ");
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.selectedProperty().get().id()).isEqualTo(original.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> agent.receiver().received().size() == 3);
        assertThat(vm.resendingProperty().get()).isFalse();
    }

    @Test
    void aFailedSearchShowsTheAgentsProblemAndKeepsTheLastRows() throws Exception {
        agent.alert("Kept", "warning", "fp-kept", false);
        vm.search();
        int before = vm.rows().size();
        assertThat(before).isPositive();
        agent.close();
        vm.search();
        assertThat(vm.messageProperty().get()).startsWith("Could not search notifications: agent (http://127.0.0.1:");
        assertThat(vm.rows()).hasSize(before);
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
