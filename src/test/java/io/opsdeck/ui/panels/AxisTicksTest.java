package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsdeck.dashboard.FieldDefaults;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/**
 * Value axis labels read alike down one axis: the DevOps "Error ratio (5xx)" axis showed "0 %, 0.500 %, 1 %, 1.50 %"
 * because automatic decimals follow each value's size.
 */
class AxisTicksTest {

    private static FieldDefaults unit(String unit, Integer decimals) {
        return new FieldDefaults(unit, decimals, null, null, null, List.of(), "", Map.of(), Map.of());
    }

    private static List<String> axis(FieldDefaults f, double... ticks) {
        return DoubleStream.of(ticks).mapToObj(v -> AxisTicks.valueLabel(f, v)).toList();
    }

    @Test
    void automaticDecimalsDropTrailingZerosSoTicksReadAlike() {
        assertThat(axis(unit("percentunit", null), 0, 0.005, 0.01, 0.015, 0.02))
                .containsExactly("0%", "0.5%", "1%", "1.5%", "2%");
        assertThat(axis(unit("s", null), 1, 1.5, 2, 2.5, 3)).containsExactly("1 s", "1.5 s", "2 s", "2.5 s", "3 s");
        assertThat(axis(unit("percentunit", null), 0, 0.002, 0.004, 0.006, 0.008))
                .containsExactly("0%", "0.2%", "0.4%", "0.6%", "0.8%");
    }

    @Test
    void wholeNumbersAndScaledUnitsAreLeftAlone() {
        assertThat(axis(unit("", null), 0, 50, 100)).containsExactly("0", "50", "100");
        assertThat(AxisTicks.valueLabel(unit("bytes", null), 100 * 1024.0 * 1024 * 1024)).isEqualTo("100 GiB");
    }

    /** The labels of a value axis over {@code lo..hi} with room for {@code ticks} ticks, as the chart draws them. */
    private static List<String> axisOver(String unit, double lo, double hi, int ticks) {
        double[] range = PlotArea.niceRange(unit, lo, hi, ticks, false, false);
        return axis(unit(unit, null), PlotArea.ticks(range[0], range[1], range[2]));
    }

    private static final double MIB = 1024.0 * 1024;
    private static final double GIB = 1024 * MIB;

    @Test
    void binaryByteAxesStepByPowersOfTwoAsGrafanasIecAxes() {
        // 0..2.2 GiB in at most 5 ticks: a decimal step (500 Mi-ish, 1e9) read "0.93 GiB, 1.86 GiB"
        assertThat(axisOver("bytes", 0, 2.2 * GIB, 5))
                .containsExactly("0 B", "512 MiB", "1 GiB", "1.5 GiB", "2 GiB", "2.5 GiB");
        assertThat(axisOver("bytes", 0, 700 * MIB, 3)).containsExactly("0 B", "256 MiB", "512 MiB", "768 MiB");
        assertThat(axisOver("binBps", 0, 3000, 4)).containsExactly("0 B/s", "1 KiB/s", "2 KiB/s", "3 KiB/s");
        assertThat(axisOver("bits", 0, 5 * 1024 * 1024 * 1024.0, 5))
                .containsExactly("0 b", "1 Gib", "2 Gib", "3 Gib", "4 Gib", "5 Gib");
        assertThat(UnitSteps.valueStep("kbytes", 3000, 3, 3000)).as("steps in the unit's own values")
                .isEqualTo(1024);
        // an empty byte axis (0..1 B, no data yet) drew a "0.5 B" tick
        assertThat(axisOver("bytes", 0, 1, 4)).containsExactly("0 B", "1 B");
        assertThat(axisOver("gbytes", 0, 1.6, 4)).as("a prefixed unit steps by its halves")
                .containsExactly("0 GiB", "0.5 GiB", "1 GiB", "1.5 GiB", "2 GiB");
    }

    @Test
    void decimalUnitsKeepDecimalSteps() {
        assertThat(axisOver("decbytes", 0, 2.2e9, 5))
                .containsExactly("0 B", "500 MB", "1 GB", "1.5 GB", "2 GB", "2.5 GB");
        assertThat(axisOver("percentunit", 0, 0.93, 5)).containsExactly("0%", "20%", "40%", "60%", "80%", "100%");
        assertThat(axisOver("short", 0, 230, 5)).containsExactly("0", "50", "100", "150", "200", "250");
    }

    @Test
    void durationAxesStepByWholeSecondsMinutesAndHours() {
        // a decimal step of 50 s read "0 s, 50 s, 1.67 min, 2.5 min, 3.33 min"
        assertThat(axisOver("s", 0, 250, 5)).containsExactly("0 s", "1 min", "2 min", "3 min", "4 min", "5 min");
        assertThat(axisOver("s", 0, 100, 4)).containsExactly("0 s", "30 s", "1 min", "1.5 min", "2 min");
        assertThat(axisOver("ms", 0, 50 * 60_000, 4))
                .containsExactly("0 ms", "15 min", "30 min", "45 min", "1 hour");
        assertThat(axisOver("s", 0, 20 * 3600, 4)).as("hours by 1, 2, 3, 6, 12")
                .containsExactly("0 s", "6 hour", "12 hour", "18 hour", "1 day");
        assertThat(axisOver("m", 0, 100, 5)).as("minutes as a unit").containsExactly("0 min", "30 min", "1 hour",
                "1.5 hour", "2 hour");
        assertThat(axisOver("s", 0, 0.9, 3)).as("below a second: decimal milliseconds")
                .containsExactly("0 s", "500 ms", "1 s");
    }

    @Test
    void spelledOutDurationsNeverRepeatALabel() {
        // dtdurations prints the leading unit only: 30 s steps would read "1 minute" at 60 s and at 90 s
        List<String> labels = axisOver("dtdurations", 0, 150, 5);
        assertThat(labels).containsExactly("0 seconds", "1 minute", "2 minutes", "3 minutes");
        assertThat(axisOver("dtdurationms", 0, 3 * 3_600_000.0, 8)).doesNotHaveDuplicates()
                .containsExactly("0 milliseconds", "1 hour", "2 hours", "3 hours");
    }

    @Test
    void aConfiguredMinOrMaxIsTheAxisEndAndTicksStayInside() {
        double[] range = PlotArea.niceRange("percent", 0, 95, 5, true, true);
        assertThat(new double[] {range[0], range[1]}).containsExactly(0, 95);
        assertThat(PlotArea.ticks(range[0], range[1], range[2])).containsExactly(0, 20, 40, 60, 80);
        double[] from30 = PlotArea.niceRange("celsius", 30, 100, 4, true, true);
        assertThat(PlotArea.ticks(from30[0], from30[1], from30[2])).as("multiples of the step, not 30 + n step")
                .containsExactly(40, 60, 80, 100);
    }

    @Test
    void ticksCloserThanTheAutomaticDecimalsGetTheDecimalsThatTellThemApart() {
        // the DBA "Hit rate" wall: a flat 96 % ratio, ticks 0.0001 apart, read "96%, 96%, 96%, 96%"
        double[] flat = {0.96, 0.9601, 0.9602, 0.9603};
        assertThat(axis(unit("percentunit", null), flat)).as("each alone").containsOnly("96%");
        assertThat(AxisTicks.labels(unit("percentunit", null), flat))
                .containsExactly("96%", "96.01%", "96.02%", "96.03%");
        assertThat(AxisTicks.labels(unit("percentunit", 0), new double[] {0.955, 0.96, 0.965}))
                .as("configured decimals too few for the step, as Grafana's axis uses the step's")
                .containsExactly("95.5%", "96%", "96.5%");
        assertThat(AxisTicks.labels(unit("percentunit", 2), new double[] {0.005, 0.01}))
                .as("enough decimals are left as asked").containsExactly("0.50%", "1.00%");
    }

    @Test
    void fixedDecimalsAreKeptAsAsked() {
        assertThat(axis(unit("percentunit", 2), 0.005, 0.01)).containsExactly("0.50%", "1.00%");
    }
}
