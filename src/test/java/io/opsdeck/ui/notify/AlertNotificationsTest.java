package io.opsdeck.ui.notify;

import static io.opsdeck.ui.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AgentNotification;
import io.opsdeck.console.AgentNotificationFeed;
import io.opsdeck.console.AlertSound;
import io.opsdeck.console.Severity;
import io.opsdeck.ui.Fixtures;
import io.opsdeck.ui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class AlertNotificationsTest {

    private final Fixtures f = new Fixtures();
    private final List<ActiveAlert> notified = new ArrayList<>();
    private final List<Map<Severity, Integer>> counts = new ArrayList<>();
    private final List<AlertSound> sounds = new ArrayList<>();
    private final SimpleObjectProperty<io.opsdeck.console.Role> role =
            new SimpleObjectProperty<>(f.services.roles().find("DevOps").orElseThrow());
    private final List<java.util.function.Consumer<AgentNotification>> agentListeners = new ArrayList<>();
    private final AgentNotificationFeed agent = listener -> {
        agentListeners.add(listener);
        return () -> agentListeners.remove(listener);
    };
    private final AlertNotifications vm = new AlertNotifications(f.alerts, agent, role, new DesktopNotifier() {
        @Override
        public void counts(Map<Severity, Integer> c) {
            counts.add(c);
        }

        @Override
        public void notify(ActiveAlert alert) {
            notified.add(alert);
        }

        @Override
        public void close() {
        }
    }, sounds::add, TaskRunner.sameThread(),
            new NotificationChoices(f.services.roles().roles(), role.get(), f.preferences, TaskRunner.sameThread()));

    @Test
    void newAlertsMatchingTheRoleNotifyAndCriticalOnesSound() {
        vm.activate();
        f.alerts.publish(List.of(
                alert("1", Severity.CRITICAL, "db-1", f.clock.instant()),
                alert("2", Severity.WARNING, "web-1", f.clock.instant()),
                alert("3", Severity.INFO, "web-1", f.clock.instant())));
        assertThat(notified).extracting(ActiveAlert::fingerprint).containsExactly("1", "2");
        assertThat(sounds).containsExactly(AlertSound.ALARM);
        assertThat(vm.countProperty(Severity.CRITICAL).get()).isEqualTo(1);
        assertThat(vm.countProperty(Severity.INFO).get()).isEqualTo(1);
        assertThat(counts.getLast()).containsEntry(Severity.WARNING, 1);
    }

    @Test
    void muteSilencesSoundsButNotNotificationsAndIsRemembered() {
        vm.activate();
        vm.mutedProperty().set(true);
        f.alerts.publish(List.of(alert("1", Severity.CRITICAL, "db-1", f.clock.instant())));
        assertThat(notified).hasSize(1);
        assertThat(sounds).isEmpty();
        assertThat(f.preferences.muted()).isTrue();
    }

    @Test
    void aSeverityWithASoundButNoNotificationSoundsQuietlyAndChoicesFollowTheRole() {
        NotificationChoices choices = vm.choices();
        choices.desktopProperty(Severity.INFO).set(false);
        choices.soundProperty(Severity.INFO).set(AlertSound.CHIME);
        choices.desktopProperty(Severity.WARNING).set(false);
        vm.activate();
        f.alerts.publish(List.of(
                alert("1", Severity.INFO, "web-1", f.clock.instant()),
                alert("2", Severity.WARNING, "web-1", f.clock.instant())));
        assertThat(notified).as("neither notifies").isEmpty();
        assertThat(sounds).as("the info alert sounds; the warning wants nothing (no notification, no sound)")
                .containsExactly(AlertSound.CHIME);

        // another role has its own choices: DBA's are still the configured ones
        role.set(f.services.roles().find("DBA").orElseThrow());
        f.alerts.publish(List.of(alert("3", Severity.WARNING, "db-1", f.clock.instant())));
        assertThat(notified).extracting(ActiveAlert::fingerprint).containsExactly("3");
    }

    @Test
    void theExecutiveRoleHearsOnlyCriticals() {
        role.set(f.services.roles().find("Executive").orElseThrow());
        vm.activate();
        f.alerts.publish(List.of(alert("2", Severity.WARNING, "web-1", f.clock.instant())));
        assertThat(notified).isEmpty();
    }

    private void fromAgent(long id, String kind, String fingerprint, Severity severity, String status) {
        AgentNotification n = new AgentNotification(id, kind, fingerprint, "Name" + fingerprint, severity, status,
                "CRITICAL Name" + fingerprint + " " + status, "", f.clock.instant());
        List.copyOf(agentListeners).forEach(l -> l.accept(n));
    }

    @Test
    void anAgentNotificationShowsOnceEvenWhenAlertmanagerReportsTheSameAlertLater() {
        vm.activate();
        fromAgent(1, "alert", "9", Severity.CRITICAL, "firing");
        assertThat(notified).extracting(ActiveAlert::fingerprint).containsExactly("9");
        assertThat(notified.get(0).summary()).isEqualTo("CRITICAL Name9 firing");
        assertThat(sounds).containsExactly(AlertSound.ALARM);
        f.alerts.publish(List.of(alert("9", Severity.CRITICAL, "db-1", f.clock.instant())));
        assertThat(notified).hasSize(1);
        assertThat(vm.countProperty(Severity.CRITICAL).get()).as("counts still come from the snapshots").isEqualTo(1);
    }

    @Test
    void anAlertAlreadyShownFromTheSnapshotsIsNotShownAgainByTheAgentButItsEscalationIs() {
        vm.activate();
        f.alerts.publish(List.of(alert("7", Severity.CRITICAL, "db-1", f.clock.instant())));
        fromAgent(1, "alert", "7", Severity.CRITICAL, "firing");
        assertThat(notified).hasSize(1);
        fromAgent(2, "escalation", "7", Severity.CRITICAL, "firing");
        assertThat(notified).hasSize(2);
    }

    @Test
    void resolutionsAcknowledgementsAndUnwantedSeveritiesFromTheAgentStayQuiet() {
        vm.activate();
        fromAgent(1, "alert", "1", Severity.CRITICAL, "resolved");
        fromAgent(2, "alert", "2", Severity.CRITICAL, "acknowledged");
        fromAgent(3, "alert", "3", Severity.INFO, "firing");
        assertThat(notified).isEmpty();
        vm.deactivate();
        assertThat(agentListeners).as("deactivating stops listening to the agent").isEmpty();
    }

    @Test
    void anAlertThatResolvedAndFiresAgainIsNewsAgain() {
        vm.activate();
        f.alerts.publish(List.of(alert("5", Severity.WARNING, "web-1", f.clock.instant())));
        f.alerts.publish(List.of());
        f.alerts.publish(List.of(alert("5", Severity.WARNING, "web-1", f.clock.instant())));
        assertThat(notified).extracting(ActiveAlert::fingerprint).containsExactly("5", "5");
    }

    private ActiveAlert labelled(String fingerprint, Severity severity, String role) {
        return new ActiveAlert(fingerprint, "Alert" + fingerprint, severity, role + "-1", "summary", f.clock.instant(),
                io.opsdeck.console.AlertState.ACTIVE, "prod", Map.of("alertname", "Alert" + fingerprint,
                "severity", severity.name().toLowerCase(java.util.Locale.ROOT), "role", role));
    }

    @Test
    void anAlertOutsideTheRolesFilterNeitherNotifiesNorSoundsButStillCounts() {
        role.set(f.services.roles().find("DBA").orElseThrow()); // role="db"
        vm.activate();
        f.alerts.publish(List.of(labelled("1", Severity.CRITICAL, "web"), labelled("2", Severity.CRITICAL, "db")));
        assertThat(notified).extracting(ActiveAlert::fingerprint).containsExactly("2");
        assertThat(sounds).containsExactly(AlertSound.ALARM);
        assertThat(vm.countProperty(Severity.CRITICAL).get()).as("the tray counts every alert").isEqualTo(2);

        // a new alert is shown to a role whose filter it matches ("1" was seen already, so it is not news)
        role.set(f.services.roles().find("DevOps").orElseThrow()); // severity=~"critical|warning"
        f.alerts.publish(List.of(labelled("1", Severity.CRITICAL, "web"), labelled("2", Severity.CRITICAL, "db"),
                labelled("3", Severity.WARNING, "web")));
        assertThat(notified).extracting(ActiveAlert::fingerprint).containsExactly("2", "3");
    }

    @Test
    void anAgentNotificationFollowsTheRolesFilterWhenItCarriesLabels() {
        role.set(f.services.roles().find("DBA").orElseThrow());
        vm.activate();
        java.util.function.BiConsumer<String, String> agentSays = (fp, r) -> {
            AgentNotification n = new AgentNotification(Long.parseLong(fp), "escalation", fp, "Name" + fp,
                    Severity.CRITICAL, "firing", "CRITICAL Name" + fp, "", f.clock.instant(),
                    Map.of("alertname", "Name" + fp, "role", r, "instance", r + "-2"));
            List.copyOf(agentListeners).forEach(l -> l.accept(n));
        };
        agentSays.accept("11", "web");
        agentSays.accept("12", "db");
        assertThat(notified).extracting(ActiveAlert::fingerprint).containsExactly("12");
        assertThat(notified.getFirst().instance()).isEqualTo("db-2");
        // without labels (an older agent) it cannot tell, and shows it rather than lose it
        fromAgent(13, "escalation", "13", Severity.CRITICAL, "firing");
        assertThat(notified).extracting(ActiveAlert::fingerprint).containsExactly("12", "13");
    }
}
