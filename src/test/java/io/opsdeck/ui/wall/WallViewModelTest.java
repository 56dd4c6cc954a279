package io.opsdeck.ui.wall;

import static io.opsdeck.ui.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.DashboardSummary;
import io.opsdeck.console.Playlist;
import io.opsdeck.console.Severity;
import io.opsdeck.console.TestClock;
import io.opsdeck.ui.common.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WallViewModelTest {

    private final TestClock clock = TestClock.at("2026-11-22T03:00:00Z");
    private final List<Playlist.Slide> slides = List.of(
            new Playlist.Slide(new DashboardSummary("a", "A", Set.of()), Duration.ofSeconds(30)),
            new Playlist.Slide(new DashboardSummary("b", "B", Set.of()), Duration.ofSeconds(60)),
            new Playlist.Slide(new DashboardSummary("c", "C", Set.of()), Duration.ofSeconds(30)));
    private final WallViewModel vm = new WallViewModel(slides, 0, clock, Messages.english());

    private String shown() {
        return vm.slideProperty().get().dashboard().id();
    }

    private void advance(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        vm.tick();
    }

    @Test
    void eachSlideStaysForItsOwnInterval() {
        advance(29);
        assertThat(shown()).isEqualTo("a");
        advance(1);
        assertThat(shown()).isEqualTo("b");
        advance(59);
        assertThat(shown()).isEqualTo("b");
        advance(1);
        assertThat(shown()).isEqualTo("c");
        advance(30);
        assertThat(shown()).isEqualTo("a");
        assertThat(vm.positionProperty().get()).isEqualTo("1 / 3");
    }

    @Test
    void aNewCriticalAlertPausesRotationUntilItResolves() {
        vm.acceptAlerts(List.of(alert("w", Severity.WARNING, "web-1", clock.instant())));
        assertThat(vm.pausedProperty().get()).isFalse();
        ActiveAlert crit = alert("c1", Severity.CRITICAL, "db-1", clock.instant());
        vm.acceptAlerts(List.of(crit));
        assertThat(vm.bannerProperty().get()).isEqualTo(crit);
        advance(125);
        assertThat(shown()).isEqualTo("a");
        assertThat(vm.positionProperty().get()).isEqualTo("1 / 3 · rotation paused");
        assertThat(vm.bannerDetailProperty().get()).isEqualTo("db-1 · started 2 min ago");

        vm.acceptAlerts(List.of());
        assertThat(vm.bannerProperty().get()).isNull();
        assertThat(vm.pausedProperty().get()).isFalse();
        advance(29);
        assertThat(shown()).as("a full interval after the banner goes").isEqualTo("a");
        advance(1);
        assertThat(shown()).isEqualTo("b");
    }

    @Test
    void aCriticalWithoutInstanceNamesItsJobOrShowsOnlyItsAgeNeverABareDash() {
        ActiveAlert absent = new ActiveAlert("n", "NodeTargetsAbsent", Severity.CRITICAL, "", "", clock.instant(),
                AlertState.ACTIVE, "", java.util.Map.of("alertname", "NodeTargetsAbsent", "job", "node",
                        "severity", "critical"));
        vm.acceptAlerts(List.of(absent));
        advance(125);
        assertThat(vm.bannerDetailProperty().get()).isEqualTo("job=node \u00b7 started 2 min ago");

        ActiveAlert bare = new ActiveAlert("b", "SomethingBroke", Severity.CRITICAL, "", "", clock.instant(),
                AlertState.ACTIVE);
        vm.acceptAlerts(List.of(bare));
        assertThat(vm.bannerDetailProperty().get()).isEqualTo("started 0 s ago").doesNotContain("-");
    }

    @Test
    void acknowledgingShowsTheNextCriticalThenResumes() {
        ActiveAlert older = alert("c1", Severity.CRITICAL, "db-1", clock.instant().minusSeconds(60));
        ActiveAlert newer = alert("c2", Severity.CRITICAL, "web-1", clock.instant());
        vm.acceptAlerts(List.of(older, newer));
        assertThat(vm.bannerProperty().get()).isEqualTo(newer);
        assertThat(vm.bannerDetailProperty().get()).endsWith("1 more critical");
        vm.acknowledge();
        assertThat(vm.bannerProperty().get()).isEqualTo(older);
        vm.acknowledge();
        assertThat(vm.pausedProperty().get()).isFalse();
        vm.acceptAlerts(List.of(older, newer));
        assertThat(vm.bannerProperty().get()).as("acknowledged alerts stay acknowledged").isNull();
    }

    @Test
    void aSilencedCriticalDoesNotRaiseTheBanner() {
        ActiveAlert silenced = new ActiveAlert("s", "DiskFull", Severity.CRITICAL, "db-1", "", clock.instant(), AlertState.SUPPRESSED);
        vm.acceptAlerts(List.of(silenced));
        assertThat(vm.bannerProperty().get()).isNull();
    }

    @Test
    void wallsOnSeveralMonitorsStartAtDifferentSlides() {
        assertThat(new WallViewModel(slides, 1, clock, Messages.english()).slideProperty().get().dashboard().id()).isEqualTo("b");
        assertThat(new WallViewModel(slides, 4, clock, Messages.english()).slideProperty().get().dashboard().id()).isEqualTo("b");
    }
}
