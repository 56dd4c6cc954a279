package io.opsdeck.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaylistLoaderTest {

    private final DashboardCatalogue catalogue = new ListDashboardCatalogue(SampleConsole.sampleDashboards());

    @Test
    void entriesByIdAndTagResolveWithTheirOwnIntervals() {
        Playlist p = PlaylistLoader.parse("""
                interval: 2m
                entries:
                  - dashboard: node-overview
                    interval: 30s
                  - tag: db
                """, "wall.yaml");
        List<Playlist.Slide> slides = p.resolve(catalogue);
        assertThat(slides).extracting(s -> s.dashboard().id())
                .containsExactly("node-overview", "postgres-overview", "postgres-replication", "redis-overview");
        assertThat(slides.getFirst().interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(slides.get(1).interval()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void intervalDefaultsToOneMinute() {
        Playlist p = PlaylistLoader.parse("entries:\n  - dashboard: gpu-fleet\n", "wall.yaml");
        assertThat(p.entries().getFirst().interval()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void badEntryIsNamedWithFileAndIndex() {
        assertThatThrownBy(() -> PlaylistLoader.parse("entries:\n  - dashboard: a\n  - dashboard: b\n    tag: c\n", "wall.yaml"))
                .hasMessageContaining("wall.yaml: entries[1]").hasMessageContaining("exactly one");
        assertThatThrownBy(() -> PlaylistLoader.parse("entries:\n  - dashboard: a\n    interval: soon\n", "wall.yaml"))
                .hasMessageContaining("wall.yaml: entries[0].interval").hasMessageContaining("'soon' is not a duration");
        assertThatThrownBy(() -> PlaylistLoader.parse("entries: [", "wall.yaml"))
                .hasMessageStartingWith("wall.yaml: not valid YAML");
        assertThatThrownBy(() -> PlaylistLoader.parse("- just a list", "wall.yaml"))
                .hasMessageContaining("expected a mapping");
    }

    @Test
    void unknownDashboardIdsAreDropped() {
        Playlist p = PlaylistLoader.parse("entries:\n  - dashboard: nope\n  - dashboard: slo-summary\n", "w");
        assertThat(p.resolve(catalogue)).extracting(s -> s.dashboard().id()).containsExactly("slo-summary");
    }

    @Test
    void durationsRoundTrip() {
        assertThat(DurationText.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationText.format(Duration.ofDays(2))).isEqualTo("2d");
        assertThatThrownBy(() -> DurationText.parse("5 minutes")).isInstanceOf(IllegalArgumentException.class);
    }
}
