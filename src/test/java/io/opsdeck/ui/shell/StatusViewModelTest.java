package io.opsdeck.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.RefreshInterval;
import io.opsdeck.console.SourceHealth;
import io.opsdeck.ui.Fixtures;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.UiExecutor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {

    private final Fixtures f = new Fixtures();
    private final StatusViewModel vm = new StatusViewModel(f.health, f.clock, UiExecutor.sameThread(), Messages.english());

    @Test
    void aSourceThatStopsAnsweringTurnsStaleAfterTwoRefreshIntervals() {
        vm.refreshProperty().set(RefreshInterval.S10);
        vm.activate();
        f.clock.advance(Duration.ofSeconds(12));
        vm.tick();
        SourceIndicator prom = vm.indicator("prometheus");
        assertThat(prom.isStale()).isFalse();
        assertThat(prom.textProperty().get()).isEqualTo("prometheus · 12 s ago");

        f.health.update(f.health.current().getFirst().failed("connection refused"));
        f.clock.advance(Duration.ofSeconds(9));
        vm.tick();
        assertThat(prom.isStale()).isTrue();
        assertThat(prom.textProperty().get()).isEqualTo("prometheus · STALE · 21 s ago");
        assertThat(prom.tooltipProperty().get()).contains("Last error: connection refused").contains("two refresh intervals");
        assertThat(vm.dataStaleProperty().get()).isTrue();
        assertThat(vm.dashboardDataStaleProperty().get()).isTrue();
        assertThat(vm.staleSummaryProperty().get()).contains("prometheus (21 s ago: connection refused)");
    }

    @Test
    void recoveryClearsStaleWithoutRestart() {
        vm.activate();
        f.clock.advance(Duration.ofMinutes(5));
        vm.tick();
        assertThat(vm.indicator("alertmanager").isStale()).isTrue();
        SourceHealth am = f.health.current().get(1);
        f.health.update(am.answered(f.clock.instant()));
        assertThat(vm.indicator("alertmanager").isStale()).isFalse();
        assertThat(vm.indicator("alertmanager").textProperty().get()).isEqualTo("alertmanager · 0 s ago");
    }

    @Test
    void slowerRefreshMovesTheStaleLine() {
        vm.activate();
        f.clock.advance(Duration.ofSeconds(90));
        vm.tick();
        assertThat(vm.indicator("prometheus").isStale()).isTrue();
        vm.refreshProperty().set(RefreshInterval.M1);
        assertThat(vm.indicator("prometheus").isStale()).isFalse();
    }

    @Test
    void aStaleAgentDoesNotMarkDashboardData() {
        vm.activate();
        f.health.update(new SourceHealth("agent", io.opsdeck.console.SourceKind.AGENT, null, "not running"));
        assertThat(vm.indicator("agent").isStale()).isTrue();
        assertThat(vm.indicator("agent").textProperty().get()).isEqualTo("agent · STALE · never answered");
        assertThat(vm.dataStaleProperty().get()).isFalse();
    }

    @Test
    void aSourceNotAskedYetIsNeverAnsweredButNotStaleUntilTwoRefreshIntervalsPass() {
        // the console's pollers wait for the first paint: the window shows sources nobody has asked yet
        var feed = new io.opsdeck.console.InMemorySourceHealthFeed(java.util.List.of(
                new SourceHealth("prometheus", io.opsdeck.console.SourceKind.PROMETHEUS, null, null)));
        StatusViewModel fresh = new StatusViewModel(feed, f.clock, UiExecutor.sameThread(), Messages.english());
        fresh.refreshProperty().set(RefreshInterval.S10);
        fresh.activate();
        SourceIndicator prom = fresh.indicator("prometheus");
        assertThat(prom.isStale()).isFalse();
        assertThat(prom.textProperty().get()).isEqualTo("prometheus · never answered");
        assertThat(fresh.dashboardDataStaleProperty().get()).isFalse();

        f.clock.advance(Duration.ofSeconds(21));
        fresh.tick();
        assertThat(prom.isStale()).isTrue();
        assertThat(prom.textProperty().get()).isEqualTo("prometheus · STALE · never answered");
        assertThat(fresh.dashboardDataStaleProperty().get()).isTrue();
    }

    @Test
    void aSourceWhoseFirstAnswerFailedIsStaleAtOnce() {
        var feed = new io.opsdeck.console.InMemorySourceHealthFeed(java.util.List.of(
                new SourceHealth("prometheus", io.opsdeck.console.SourceKind.PROMETHEUS, null, "connection refused")));
        StatusViewModel fresh = new StatusViewModel(feed, f.clock, UiExecutor.sameThread(), Messages.english());
        fresh.activate();
        assertThat(fresh.indicator("prometheus").isStale()).isTrue();
        assertThat(fresh.dashboardDataStaleProperty().get()).isTrue();
    }

    @Test
    void nothingIsHeardAfterDeactivation() {
        vm.activate();
        vm.deactivate();
        f.health.update(new SourceHealth("new-source", io.opsdeck.console.SourceKind.PROMETHEUS, f.clock.instant(), null));
        assertThat(vm.indicator("new-source")).isNull();
    }
}
