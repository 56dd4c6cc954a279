package io.opsdeck.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsdeck.dashboard.Intervals;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Grafana's interval rules: calculateInterval + roundInterval, then the Prometheus datasource's 11,000 limit. */
class StepCalculatorTest {

    private static final Duration SCRAPE = Duration.ofSeconds(15);

    @Test
    void roundsToGrafanasNiceIntervals() {
        assertThat(Intervals.roundMs(4500)).isEqualTo(5000);
        assertThat(Intervals.roundMs(12000)).isEqualTo(10000);
        assertThat(Intervals.roundMs(14000)).isEqualTo(15000);
        assertThat(Intervals.roundMs(16000)).isEqualTo(15000);
        assertThat(Intervals.roundMs(40000)).isEqualTo(30000);
        assertThat(Intervals.roundMs(100000)).isEqualTo(120000);
        assertThat(Intervals.roundMs(1_000_000)).isEqualTo(900000);
        assertThat(Intervals.roundMs(100_000_000)).isEqualTo(86_400_000);
        assertThat(Intervals.roundMs(5_000_000_000L)).isEqualTo(31_536_000_000L);
    }

    @Test
    void formatsAndParsesLikeGrafana() {
        assertThat(Intervals.format(Duration.ofSeconds(90))).isEqualTo("1m");
        assertThat(Intervals.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Intervals.format(Duration.ofHours(49))).isEqualTo("2d");
        assertThat(Intervals.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Intervals.parse(">30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Intervals.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> Intervals.parse("5 minutes")).hasMessageContaining("not an interval: '5 minutes'");
    }

    @Test
    void stepIsRangeOverWidthRoundedButNeverBelowTheScrapeInterval() {
        // 1 h over 800 px = 4.5 s -> 5 s, raised to the 15 s scrape interval
        assertThat(StepCalculator.step(Duration.ofHours(1), 800, null, SCRAPE)).isEqualTo(Duration.ofSeconds(15));
        // 24 h over 800 px = 108 s -> 2 m
        assertThat(StepCalculator.step(Duration.ofHours(24), 800, null, SCRAPE)).isEqualTo(Duration.ofMinutes(2));
        // 30 d over 1600 px = 27 min -> 30 min
        assertThat(StepCalculator.step(Duration.ofDays(30), 1600, null, SCRAPE)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void panelMinIntervalReplacesTheScrapeIntervalAsLowerLimit() {
        assertThat(StepCalculator.step(Duration.ofHours(1), 800, Duration.ofMinutes(1), SCRAPE))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(StepCalculator.step(Duration.ofHours(1), 800, Duration.ofSeconds(2), SCRAPE))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void neverAsksForMoreThanElevenThousandPoints() {
        // one year with a huge maxDataPoints: range / 11,000 = 2866.9 s -> ceil 2867 s
        Duration step = StepCalculator.step(Duration.ofDays(365), 1_000_000, null, Duration.ofSeconds(1));
        assertThat(step).isEqualTo(Duration.ofSeconds(2867));
        assertThat(Duration.ofDays(365).toSeconds() / step.toSeconds()).isLessThanOrEqualTo(StepCalculator.MAX_POINTS);
    }

    @Test
    void rangeIsAlignedToMultiplesOfTheStep() {
        assertThat(StepCalculator.alignStart(1_000_007_000L, 15_000)).isEqualTo(1_000_005_000L);
        assertThat(StepCalculator.alignEnd(1_000_019_999L, 15_000)).isEqualTo(1_000_005_000L);
        assertThat(StepCalculator.alignStart(1_000_005_000L, 5_000)).isEqualTo(1_000_005_000L);
    }
}
