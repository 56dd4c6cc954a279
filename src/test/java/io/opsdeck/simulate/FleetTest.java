package io.opsdeck.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FleetTest {

    private static final String START = "2026-03-02T12:00:00Z";

    static Map<String, Double> samples(String exposition) {
        Map<String, Double> m = new HashMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            m.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return m;
    }

    static double value(String exposition, String series) {
        Double v = samples(exposition).get(series);
        assertThat(v).as("series %s in exposition", series).isNotNull();
        return v;
    }

    @Test
    void sameSeedAndTimeGiveIdenticalExpositions() {
        SteppingClock c1 = SteppingClock.at(START);
        SteppingClock c2 = SteppingClock.at(START);
        Fleet a = Fleet.create(FleetSpec.DEFAULT, 42, c1);
        Fleet b = Fleet.create(FleetSpec.DEFAULT, 42, c2);
        // a is scraped often, b only at the end: the grid makes the values independent of scrape timing.
        for (int i = 0; i < 20; i++) {
            c1.advance(Duration.ofSeconds(15));
            a.exposition("db-1", "postgres");
        }
        c2.advance(Duration.ofSeconds(300));
        for (HostInfo h : a.hosts()) {
            for (String job : h.modules()) {
                assertThat(b.exposition(h.name(), job)).as("%s %s", h.name(), job).isEqualTo(a.exposition(h.name(), job));
            }
        }
        Fleet other = Fleet.create(FleetSpec.DEFAULT, 43, SteppingClock.at(START));
        assertThat(other.exposition("web-1", "node")).isNotEqualTo(Fleet.create(FleetSpec.DEFAULT, 42,
                SteppingClock.at(START)).exposition("web-1", "node"));
    }

    @Test
    void countersNeverDecreaseAcrossTimeSteps() {
        SteppingClock clock = SteppingClock.at(START);
        Fleet fleet = Fleet.create(FleetSpec.DEFAULT, 7, clock);
        Pattern counter = Pattern.compile("^# TYPE (\\S+) (counter|histogram|untyped)$", Pattern.MULTILINE);
        Map<String, Map<String, Double>> previous = new HashMap<>();
        for (int step = 0; step < 40; step++) {
            for (HostInfo h : fleet.hosts()) {
                for (String job : h.modules()) {
                    String text = fleet.exposition(h.name(), job);
                    Matcher m = counter.matcher(text);
                    Map<String, Double> now = samples(text);
                    Map<String, Double> counters = new HashMap<>();
                    while (m.find()) {
                        String family = m.group(1);
                        now.forEach((series, v) -> {
                            if (series.startsWith(family) && !series.contains("_sum")) {
                                counters.put(series, v);
                            }
                        });
                    }
                    if (!job.equals("dcgm")) {
                        assertThat(counters).as("counters of %s/%s", h.name(), job).isNotEmpty();
                    }
                    Map<String, Double> before = previous.put(h.name() + "/" + job, counters);
                    if (before != null) {
                        counters.forEach((series, v) -> assertThat(v).as("%s on %s", series, h.name())
                                .isGreaterThanOrEqualTo(before.get(series)));
                    }
                }
            }
            clock.advance(Duration.ofSeconds(17 + step * 31L));
        }
    }

    @Test
    void cpuCountersGrowByOneSecondPerCpuPerSecond() {
        SteppingClock clock = SteppingClock.at(START);
        Fleet fleet = Fleet.create(FleetSpec.DEFAULT, 42, clock);
        double before = sumCpu(fleet.exposition("web-1", "node"));
        clock.advance(Duration.ofMinutes(10));
        double after = sumCpu(fleet.exposition("web-1", "node"));
        int cpus = (int) fleet.exposition("web-1", "node").lines().filter(l -> l.startsWith("node_cpu_seconds_total{")
                && l.contains("mode=\"idle\"")).count();
        assertThat(cpus).isBetween(4, 8);
        assertThat(after - before).isCloseTo(600.0 * cpus, org.assertj.core.data.Offset.offset(1e-6 * after));
    }

    private static double sumCpu(String text) {
        return samples(text).entrySet().stream().filter(e -> e.getKey().startsWith("node_cpu_seconds_total"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    @Test
    void diskFillMakesAvailDecreaseLinearlyAtTheConfiguredRate() {
        SteppingClock clock = SteppingClock.at(START);
        Fleet fleet = Fleet.create(FleetSpec.DEFAULT, 42, clock);
        String series = "node_filesystem_avail_bytes{device=\"/dev/sdb1\",fstype=\"xfs\",mountpoint=\"/var\"}";
        fleet.raise("db-1", "disk_fill", Map.of("bytes_per_second", "10Mi"));
        double a0 = value(fleet.exposition("db-1", "node"), series);
        for (int minute = 1; minute <= 5; minute++) {
            clock.advance(Duration.ofMinutes(1));
            double a = value(fleet.exposition("db-1", "node"), series);
            // the baseline itself grows by 0.2 % of 1 TiB a day: about 1.5 MB a minute, well under 1 % of the fill
            assertThat(a0 - a).isCloseTo(minute * 60 * 10 * 1024 * 1024.0,
                    org.assertj.core.data.Percentage.withPercentage(1));
        }
        assertThat(fleet.clear("db-1", "disk_fill")).isTrue();
        assertThat(value(fleet.exposition("db-1", "node"), series)).isGreaterThan(a0 - 1e8);
    }

    @Test
    void diskFillWithFillInReachesZeroThenStays() {
        SteppingClock clock = SteppingClock.at(START);
        Fleet fleet = Fleet.create(FleetSpec.DEFAULT, 42, clock);
        String series = "node_filesystem_avail_bytes{device=\"/dev/sda1\",fstype=\"ext4\",mountpoint=\"/\"}";
        Fault f = fleet.raise("web-2", "disk_fill", Map.of("mountpoint", "/", "fill_in", "20m"));
        assertThat(Double.parseDouble(f.params().get("bytes_per_second"))).isPositive();
        clock.advance(Duration.ofMinutes(10));
        double half = value(fleet.exposition("web-2", "node"), series);
        clock.advance(Duration.ofMinutes(11));
        assertThat(half).isPositive();
        assertThat(value(fleet.exposition("web-2", "node"), series)).isZero();
    }

    @Test
    void downHostRefusesScrapesUntilCleared() {
        Fleet fleet = Fleet.create(FleetSpec.DEFAULT, 42, SteppingClock.at(START));
        fleet.raise("web-3", "down", Map.of());
        assertThatThrownBy(() -> fleet.scrape("web-3", "app")).isInstanceOfSatisfying(SimulationException.class,
                e -> assertThat(e.status()).isEqualTo(503));
        assertThat(fleet.faults()).extracting(x -> x.host() + "/" + x.kind().id()).containsExactly("web-3/down");
        fleet.clearAll("web-3");
        assertThat(fleet.exposition("web-3", "app")).contains("http_requests_total");
    }

    @Test
    void unknownHostKindModuleAndParameterAreNamed() {
        Fleet fleet = Fleet.create(FleetSpec.DEFAULT, 42, SteppingClock.at(START));
        assertThatThrownBy(() -> fleet.raise("db-9", "disk_fill", Map.of())).hasMessageContaining("db-9")
                .hasMessageContaining("db-1..db-2");
        assertThatThrownBy(() -> fleet.raise("db-1", "meltdown", Map.of())).hasMessageContaining("meltdown")
                .hasMessageContaining("disk_fill");
        assertThatThrownBy(() -> fleet.raise("web-1", "pg_deadlocks", Map.of())).hasMessageContaining("role web");
        assertThatThrownBy(() -> fleet.raise("db-1", "replication_lag", Map.of())).hasMessageContaining("primary");
        assertThatThrownBy(() -> fleet.raise("db-1", "disk_fill", Map.of("speed", "1"))).hasMessageContaining("speed")
                .hasMessageContaining("fill_in");
        assertThatThrownBy(() -> fleet.scrape("web-1", "postgres")).isInstanceOfSatisfying(SimulationException.class,
                e -> assertThat(e.status()).isEqualTo(404)).hasMessageContaining("node, app");
    }
}
