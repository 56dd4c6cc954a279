package io.opsdeck.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesPrometheusStyleDurations() {
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse("2d")).contains(Duration.ofDays(2));
        assertThat(Durations.parse("1w")).contains(Duration.ofDays(7));
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("0")).contains(Duration.ZERO);
    }

    @Test
    void rejectsEverythingElse() {
        assertThat(Durations.parse("30x")).isEmpty();
        assertThat(Durations.parse("30")).isEmpty();
        assertThat(Durations.parse("")).isEmpty();
        assertThat(Durations.parse("m5")).isEmpty();
        assertThat(Durations.parse("5m1h")).isEmpty();
        assertThat(Durations.parse("99999999999999999999s")).isEmpty();
    }

    @Test
    void formatsBackShortest() {
        assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }
}
