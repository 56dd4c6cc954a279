package io.opsdeck.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.DashboardSummary;
import io.opsdeck.ui.Fixtures;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.TaskRunner;
import org.junit.jupiter.api.Test;

/** The main window's state, without the toolkit, with a same-thread task runner. */
class ShellViewModelTest {

    private final Fixtures f = new Fixtures();

    private ShellViewModel shell(String roleOverride) {
        StatusViewModel status = new StatusViewModel(f.health, f.clock, TaskRunner.sameThread().ui(), Messages.english());
        return new ShellViewModel(f.services, TaskRunner.sameThread(), status, roleOverride);
    }

    @Test
    void switchingRoleSwitchesDashboardsAndDefaultFilterAndIsRemembered() {
        ShellViewModel vm = shell(null);
        assertThat(vm.roleProperty().get().name()).isEqualTo("Executive");
        assertThat(vm.selectRole("dba")).isTrue();
        assertThat(vm.dashboards()).extracting(DashboardSummary::id)
                .containsExactly("postgres-overview", "postgres-replication", "redis-overview", "node-overview");
        assertThat(vm.dashboardProperty().get().id()).isEqualTo("postgres-overview");
        assertThat(vm.alertFilterProperty().get()).isEqualTo("role=\"db\"");
        assertThat(f.preferences.lastRole()).contains("DBA");

        ShellViewModel next = shell(null);
        assertThat(next.roleProperty().get().name()).isEqualTo("DBA");
    }

    @Test
    void commandLineRoleWinsOverTheRememberedOne() {
        f.preferences.lastRole("DBA");
        assertThat(shell("MLOps").roleProperty().get().name()).isEqualTo("MLOps");
        assertThat(shell(null).roleProperty().get().name()).isEqualTo("DBA");
    }

    @Test
    void unknownRoleIsRefused() {
        ShellViewModel vm = shell(null);
        assertThat(vm.selectRole("Janitor")).isFalse();
        assertThat(vm.roleProperty().get().name()).isEqualTo("Executive");
    }

    @Test
    void variablesFollowTheSelectedDashboardAndOnlyKnownValuesAreTaken() {
        ShellViewModel vm = shell("DevOps");
        assertThat(vm.variables()).extracting(v -> v.name()).containsExactly("instance", "job");
        vm.selectVariable("instance", "web-2");
        vm.selectVariable("instance", "evil; rm -rf");
        assertThat(vm.variables().getFirst().selected()).isEqualTo("web-2");
        vm.openDashboard("slo-summary");
        assertThat(vm.variables()).isEmpty();
        assertThat(vm.sectionProperty().get()).isEqualTo(Section.DASHBOARDS);
    }
}
