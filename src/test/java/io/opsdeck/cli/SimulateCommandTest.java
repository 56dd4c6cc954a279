package io.opsdeck.cli;

import static io.opsdeck.cli.CommandRun.opsdeck;
import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.simulate.Simulator;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    private static Simulator sim;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(FleetSpec.DEFAULT, 42, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void faultFaultsAndClearDriveARunningSimulator() {
        CommandRun raised = opsdeck("simulate", "fault", "db-1", "disk_fill", "--param", "fill_in=20m", "--url", sim.baseUrl());
        assertThat(raised.exit()).as(raised.err()).isZero();
        assertThat(raised.out()).contains("Raised disk_fill on db-1").contains("fill_in=20m");
        assertThat(sim.fleet().faults()).extracting(f -> f.kind().id()).containsExactly("disk_fill");
        CommandRun listed = opsdeck("simulate", "faults", "--url", sim.baseUrl());
        assertThat(listed.out()).contains("db-1").contains("disk_fill");
        CommandRun acted = opsdeck("simulate", "act", "db-1", "clean_disk", "--url", sim.baseUrl());
        assertThat(acted.out()).contains("cleared disk_fill");
        opsdeck("simulate", "fault", "web-1", "down", "--url", sim.baseUrl());
        CommandRun cleared = opsdeck("simulate", "clear", "web-1", "--url", sim.baseUrl());
        assertThat(cleared.out()).contains("Cleared down on web-1");
        assertThat(sim.fleet().faults()).isEmpty();
    }

    @Test
    void badFaultsAndUnreachableSimulatorAreOneClearLine() {
        CommandRun unknownKind = opsdeck("simulate", "fault", "db-1", "meltdown", "--url", sim.baseUrl());
        assertThat(unknownKind.exit()).isEqualTo(1);
        assertThat(unknownKind.err()).contains("unknown fault kind 'meltdown'").hasLineCount(1);
        CommandRun unknownHost = opsdeck("simulate", "clear", "db-9", "--url", sim.baseUrl());
        assertThat(unknownHost.err()).contains("unknown host 'db-9'");
        CommandRun unreachable = opsdeck("simulate", "faults", "--url", "http://127.0.0.1:1");
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("cannot reach the simulator at http://127.0.0.1:1/");
    }

    @Test
    void writeScrapeConfigWritesOneJobPerExporter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sim.yml");
        CommandRun r = opsdeck("simulate", "--hosts", "web=1,db=1", "--listen", "127.0.0.1:9911", "--write-scrape-config",
                file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String yaml = Files.readString(file);
        assertThat(yaml).contains("job_name: node", "job_name: app", "job_name: postgres", "job_name: redis",
                "replacement: 127.0.0.1:9911", "target_label: instance").doesNotContain("dcgm");
    }

    @Test
    void badFleetOptionsAreRejected(@TempDir Path dir) {
        CommandRun both = opsdeck("simulate", "--hosts", "web=1", "--fleet-size", "3");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("either --hosts or --fleet-size");
        CommandRun badRole = opsdeck("simulate", "--hosts", "cache=2", "--write-scrape-config", dir.resolve("x.yml").toString());
        assertThat(badRole.err()).contains("unknown role 'cache'");
        CommandRun badScenario = opsdeck("simulate", "--scenario", dir.resolve("missing.yaml").toString());
        assertThat(badScenario.err()).contains("missing.yaml: cannot read scenario");
    }
}
