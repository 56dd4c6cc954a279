package io.opsdeck.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {

    private static final String GOOD = """
            fleet: { web: 2, db: 2, ml: 1, seed: 7 }
            loop: true
            steps:
              - at: 30s
                fault: { host: db-1, kind: disk_fill, params: { fill_in: 20m } }
              - at: 2m
                fault: { host: web-2, kind: down }
              - at: 5m
                clear: { host: db-1, kind: disk_fill }
              - at: 6m
                clear: { host: web-2 }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void timelineRaisesAndClearsFaultsAtTheirSimulatedTimes() throws IOException {
        Scenario s = Scenario.load(write("good.yaml", GOOD));
        assertThat(s.fleet()).isEqualTo(new FleetSpec(2, 2, 1));
        assertThat(s.seed()).isEqualTo(7L);
        assertThat(s.period()).isEqualTo(Duration.ofMinutes(7));
        SteppingClock clock = SteppingClock.at("2026-03-02T12:00:00Z");
        Fleet fleet = Fleet.create(s.fleet(), s.seed(), clock);
        ScenarioRunner runner = new ScenarioRunner(s, fleet);
        assertThat(runner.tick()).isEmpty();
        clock.advance(Duration.ofSeconds(29));
        assertThat(runner.tick()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(runner.tick()).singleElement().asString().contains("disk_fill on db-1");
        assertThat(fleet.faults()).extracting(f -> f.kind().id()).containsExactly("disk_fill");
        clock.advance(Duration.ofMinutes(2));
        runner.tick();
        assertThat(fleet.faults()).extracting(f -> f.host()).containsExactlyInAnyOrder("db-1", "web-2");
        clock.advance(Duration.ofMinutes(4));
        assertThat(runner.tick()).hasSize(2);
        assertThat(fleet.faults()).isEmpty();
        // the loop starts over after 7 minutes
        clock.advance(Duration.ofSeconds(90));
        runner.tick();
        assertThat(fleet.faults()).extracting(f -> f.kind().id()).containsExactly("disk_fill");
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        Path bad = write("bad.yaml", "steps:\n  - at: 30s\n    fault: { host: db-1, kind: disk_fill\n  - at: 1m\n");
        assertThatThrownBy(() -> Scenario.load(bad)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(bad + ":").hasMessageMatching("(?s).*bad\\.yaml:[3-5]: .*");
    }

    @Test
    void unknownKindAndUnknownKeyNameTheirLine() throws IOException {
        Path kind = write("kind.yaml", "steps:\n  - at: 30s\n    fault: { host: db-1, kind: disk_full }\n");
        assertThatThrownBy(() -> Scenario.load(kind)).hasMessageStartingWith(kind + ":2: unknown fault kind 'disk_full'");
        Path key = write("key.yaml", "loop: true\nsteeps: []\n");
        assertThatThrownBy(() -> Scenario.load(key)).hasMessageStartingWith(key + ":2: ").hasMessageContaining("steeps");
        Path at = write("at.yaml", "steps:\n  - at: soon\n    clear: { host: db-1 }\n");
        assertThatThrownBy(() -> Scenario.load(at)).hasMessageStartingWith(at + ":2: at: 'soon' is not a duration");
    }

    @Test
    void unknownHostIsNamedWithItsLineWhenCheckedAgainstTheFleet() throws IOException {
        Path f = write("host.yaml", "steps:\n  - at: 10s\n    clear: { host: web-1 }\n  - at: 20s\n"
                + "    fault: { host: db-5, kind: pg_deadlocks }\n");
        Scenario s = Scenario.load(f);
        Fleet fleet = Fleet.create(FleetSpec.DEFAULT, 1, SteppingClock.at("2026-03-02T12:00:00Z"));
        assertThatThrownBy(() -> new ScenarioRunner(s, fleet)).isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(f + ":4: unknown host 'db-5'");
    }

    @Test
    void shippedDemoScenarioIsValid() {
        Scenario demo = Scenario.load(Path.of("packaging/demo/scenario.yaml"));
        assertThat(demo.fleet().size()).isGreaterThanOrEqualTo(12);
        assertThat(demo.loop()).isTrue();
        new ScenarioRunner(demo, Fleet.create(demo.fleet(), demo.seed(), SteppingClock.at("2026-03-02T12:00:00Z")));
    }
}
