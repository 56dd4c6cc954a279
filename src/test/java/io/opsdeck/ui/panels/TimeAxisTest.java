package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The time axis leaves out a label that would run past the canvas: the DBA and MLOps charts drew their last tick
 * "07:30" cut to "07:3" at the right edge.
 */
class TimeAxisTest {

    /** Seven pixels a character, roughly the 11 px axis font. */
    private static double width(String s) {
        return s.length() * 7.0;
    }

    @Test
    void aLabelThatWouldRunPastTheRightEdgeIsLeftOutButItsGridLineStays() {
        // a plot ending 1 px before the canvas's edge, the last half hour tick 2 px before the range's end
        long to = Instant.parse("2026-11-23T07:30:02Z").toEpochMilli();
        long from = to - 3_600_000;
        PlotArea plot = new PlotArea(40, 6, 259, 100, 0, 1, 1, 0, 1, 1, false);
        List<TimeAxis.Tick> ticks = TimeAxis.ticks(plot, from, to, 300, ZoneOffset.UTC, TimeAxisTest::width);

        assertThat(ticks).extracting(TimeAxis.Tick::x).allSatisfy(x -> assertThat(x).isBetween(40.0, 300.0));
        TimeAxis.Tick last = ticks.getLast();
        assertThat(last.x()).isGreaterThan(290);
        assertThat(last.label()).isNull();
        assertThat(ticks.subList(0, ticks.size() - 1)).extracting(TimeAxis.Tick::label)
                .allSatisfy(l -> assertThat(l).matches("\\d\\d:\\d\\d"));
    }

    @Test
    void labelsThatFitAreAllKept() {
        long from = Instant.parse("2026-11-23T06:30:00Z").toEpochMilli();
        long to = from + 3_600_000;
        PlotArea plot = new PlotArea(40, 6, 400, 100, 0, 1, 1, 0, 1, 1, false);
        List<TimeAxis.Tick> ticks = TimeAxis.ticks(plot, from, to, 480, ZoneOffset.UTC, TimeAxisTest::width);

        // the first tick sits on the plot's left edge (x 40.5): "06:30" is 35 px wide, so it fits
        assertThat(ticks).extracting(TimeAxis.Tick::label).allMatch(Objects::nonNull)
                .startsWith("06:30").endsWith("07:30");
    }
}
