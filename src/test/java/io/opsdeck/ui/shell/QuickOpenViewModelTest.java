package io.opsdeck.ui.shell;

import static io.opsdeck.ui.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.Severity;
import io.opsdeck.ui.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickOpenViewModelTest {

    private final Fixtures f = new Fixtures();
    private final QuickOpenViewModel vm = new QuickOpenViewModel(f.services);

    @Test
    void listsDashboardsHostsAndAlertsAndFiltersOnEveryWord() {
        f.alerts.publish(List.of(alert("fp1", Severity.CRITICAL, "db-1", f.clock.instant())));
        vm.reload();
        assertThat(vm.items()).extracting(QuickOpenItem::kind).contains(QuickOpenItem.Kind.DASHBOARD,
                QuickOpenItem.Kind.HOST, QuickOpenItem.Kind.ALERT);
        vm.queryProperty().set("postgres repl");
        assertThat(vm.items()).extracting(QuickOpenItem::target).containsExactly("postgres-replication");
        vm.queryProperty().set("db-1");
        assertThat(vm.items()).extracting(QuickOpenItem::kind).containsExactly(QuickOpenItem.Kind.HOST, QuickOpenItem.Kind.ALERT);
        vm.queryProperty().set("host web");
        assertThat(vm.items()).extracting(QuickOpenItem::target).containsExactly("web-1");
    }

    @Test
    void reopeningStartsWithAnEmptyQuery() {
        vm.reload();
        vm.queryProperty().set("gpu");
        vm.reload();
        assertThat(vm.queryProperty().get()).isEmpty();
        assertThat(vm.items()).hasSizeGreaterThan(10);
    }
}
