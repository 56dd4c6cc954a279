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

    @Test
    void fixedDecimalsAreKeptAsAsked() {
        assertThat(axis(unit("percentunit", 2), 0.005, 0.01)).containsExactly("0.50%", "1.00%");
    }
}
