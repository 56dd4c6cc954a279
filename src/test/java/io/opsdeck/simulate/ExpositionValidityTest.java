package io.opsdeck.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every exporter's output, with and without faults, parses with the real promtool. */
class ExpositionValidityTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    /** Lint findings the catalogue's exporter-compatible names cause; anything else fails. */
    private static final List<String> MANDATED_BY_CATALOGUE = List.of(
            "^DCGM_FI_DEV_\\w+ label names should be written in 'snake_case' not 'camelCase'$",
            "^node_memory_\\w+_bytes metric names should be written in 'snake_case' not 'camelCase'$",
            "^node_entropy_available_bits use base unit \"bytes\" instead of \"bits\"$",
            "^pg_stat_activity_count non-histogram and non-summary metrics should not have \"_count\" suffix$");

    static String promtoolCheck(String exposition) throws IOException, InterruptedException {
        if (!Files.isExecutable(PROMTOOL)) {
            fail(PROMTOOL + " is missing: install the Debian package 'prometheus' (apt-get install prometheus)");
        }
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        int rc = p.exitValue();
        // promtool: 0 = clean, 3 = lint findings only, 1 = the text does not parse
        assertThat(rc).as("promtool check metrics exit code; output:%n%s", output).isIn(0, 3);
        return output;
    }

    @Test
    void everyModuleParsesWithPromtoolAndOnlyCatalogueNamesAreLinted() throws Exception {
        SteppingClock clock = SteppingClock.at("2026-03-02T03:00:00Z");
        Fleet fleet = Fleet.create(FleetSpec.DEFAULT, 42, clock);
        check(fleet);
        fleet.raise("web-1", "http_5xx_burst", Map.of());
        fleet.raise("web-1", "latency_spike", Map.of("factor", "20"));
        fleet.raise("web-1", "cpu_saturation", Map.of());
        fleet.raise("db-1", "disk_fill", Map.of("fill_in", "1m"));
        fleet.raise("db-1", "pg_connection_exhaustion", Map.of());
        fleet.raise("db-1", "pg_deadlocks", Map.of());
        fleet.raise("db-2", "replication_lag", Map.of());
        fleet.raise("db-1", "redis_memory_pressure", Map.of());
        fleet.raise("ml-1", "gpu_overheating", Map.of("gpu", "all"));
        fleet.raise("ml-1", "queue_backlog", Map.of());
        fleet.raise("ml-1", "memory_leak", Map.of("exhaust_in", "30s"));
        fleet.raise("ml-1", "network_errors", Map.of());
        clock.advance(java.time.Duration.ofMinutes(3));
        check(fleet);
    }

    private static void check(Fleet fleet) throws Exception {
        for (HostInfo h : fleet.hosts()) {
            for (String job : h.modules()) {
                String output = promtoolCheck(fleet.exposition(h.name(), job));
                for (String line : output.lines().filter(l -> !l.isBlank()).toList()) {
                    assertThat(MANDATED_BY_CATALOGUE).as("promtool finding for %s/%s: %s", h.name(), job, line)
                            .anyMatch(line::matches);
                }
            }
        }
    }

    @Test
    void promtoolRejectsBrokenText() throws Exception {
        // guards the check above: a parse error must not pass as a lint finding
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write("node_load1{ 1\n".getBytes(StandardCharsets.UTF_8));
        }
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isNotIn(0, 3);
    }
}
