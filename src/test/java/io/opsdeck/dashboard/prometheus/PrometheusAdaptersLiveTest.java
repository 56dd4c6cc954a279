package io.opsdeck.dashboard.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.dashboard.MetricsSource;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.teststack.SimulatedFleet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The adapters against a real Prometheus scraping the simulator every second. */
class PrometheusAdaptersLiveTest {

    private static SimulatedFleet fleet;
    private static PrometheusRangeExecutor executor;

    @BeforeAll
    static void start() throws Exception {
        fleet = SimulatedFleet.start(FleetSpec.parse("web=2,db=1,ml=1"), 5);
        executor = PrometheusRangeExecutor.builder(fleet.client()).build();
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void rangeQueryThroughDefaultSourceGivesOneSeriesPerTargetWithStepSpacedSamples() {
        Instant end = Instant.now();
        Frame f = executor.execute("default", "up{job=\"node\"}", end.minusSeconds(4), end, Duration.ofSeconds(1)).join();
        assertThat(f.series()).hasSize(4);
        Series s = f.series().get(0);
        assertThat(s.labels()).containsEntry("job", "node").containsKey("instance");
        assertThat(s.size()).isGreaterThanOrEqualTo(3);
        assertThat(s.timestamp(1) - s.timestamp(0)).isEqualTo(1000);
        assertThat(s.value(0)).isEqualTo(1.0);
    }

    @Test
    void equalStartAndEndIsAnInstantQueryWithOneSamplePerSeries() {
        Instant t = Instant.now();
        Frame f = executor.execute("prometheus", "up", t, t, Duration.ofSeconds(15)).join();
        assertThat(f.series()).isNotEmpty().allSatisfy(s -> assertThat(s.size()).isEqualTo(1));
        assertThat(f.series().get(0).timestamp(0)).isEqualTo(t.toEpochMilli());
    }

    @Test
    void unknownSourceFailsNamingTheSourceAndTheConfiguredOnes() {
        CompletableFuture<Frame> f = executor.execute("staging", "up", Instant.now(), Instant.now(), Duration.ofSeconds(1));
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("no Prometheus source named 'staging'").hasMessageContaining("default");
    }

    @Test
    void badPromQlFailsWithTheServersReason() {
        CompletableFuture<Frame> f = executor.execute("default", "rate(up[", Instant.now().minusSeconds(10),
                Instant.now(), Duration.ofSeconds(1));
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).hasMessageContaining("parse");
    }

    @Test
    void cancellingTheFrameFutureCancelsTheCall() {
        Instant end = Instant.now();
        CompletableFuture<Frame> f = executor.execute("default", "count_over_time({__name__=~\".+\"}[1m])",
                end.minusSeconds(60), end, Duration.ofSeconds(1));
        assertThat(f.cancel(true)).isTrue();
        assertThat(f).isCancelled();
    }

    @Test
    void metricsSourceAnswersVariableQueries() {
        MetricsSource src = new PrometheusMetricsSource(fleet.client());
        TimeRange range = TimeRange.last(Duration.ofMinutes(5), Instant.now());
        assertThat(src.labelValues("instance", List.of("up{job=\"postgres\"}"), range)).containsExactly("db-1");
        assertThat(src.labelNames(List.of("up"), range)).contains("instance", "job", "role", "env");
        assertThat(src.metricNames(range)).contains("node_load1", "pg_up", "DCGM_FI_DEV_GPU_UTIL");
        List<MetricsSource.Sample> up = src.instantQuery("up{instance=\"web-1\"}", range);
        assertThat(up).isNotEmpty().allSatisfy(s -> {
            assertThat(s.value()).isEqualTo(1.0);
            assertThat(s.labels()).containsEntry("instance", "web-1");
        });
    }
}
