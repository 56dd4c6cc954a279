package io.opsdeck.ui.notify;

import static io.opsdeck.ui.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.ActiveAlert;
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
    private final List<Severity> sounds = new ArrayList<>();
    private final SimpleObjectProperty<io.opsdeck.console.Role> role =
            new SimpleObjectProperty<>(f.services.roles().find("DevOps").orElseThrow());
    private final AlertNotifications vm = new AlertNotifications(f.alerts, role, new DesktopNotifier() {
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
    }, sounds::add, TaskRunner.sameThread(), f.preferences);

    @Test
    void newAlertsMatchingTheRoleNotifyAndCriticalOnesSound() {
        vm.activate();
        f.alerts.publish(List.of(
                alert("1", Severity.CRITICAL, "db-1", f.clock.instant()),
                alert("2", Severity.WARNING, "web-1", f.clock.instant()),
                alert("3", Severity.INFO, "web-1", f.clock.instant())));
        assertThat(notified).extracting(ActiveAlert::fingerprint).containsExactly("1", "2");
        assertThat(sounds).containsExactly(Severity.CRITICAL);
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
    void theExecutiveRoleHearsOnlyCriticals() {
        role.set(f.services.roles().find("Executive").orElseThrow());
        vm.activate();
        f.alerts.publish(List.of(alert("2", Severity.WARNING, "web-1", f.clock.instant())));
        assertThat(notified).isEmpty();
    }
}
