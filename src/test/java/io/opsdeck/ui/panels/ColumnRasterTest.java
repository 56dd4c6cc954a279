package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnRasterTest {

    private static final int RED = ColumnRaster.premultiplied(1, 0, 0, 1);

    @Test
    void aFlatLineCoversItsWidthInEveryColumnItCrosses() {
        int[] px = new int[20 * 10];
        ColumnRaster r = new ColumnRaster(px, 20, 10);
        r.stroke(r.spans(new double[] {2.5, 12.5}, new double[] {5, 5}, new boolean[2], 2), 2, RED);
        for (int c = 0; c < 20; c++) {
            boolean crossed = c >= 2 && c <= 12;
            assertThat(px[4 * 20 + c] == RED).as("row 4, column " + c).isEqualTo(crossed);
            assertThat(px[5 * 20 + c] == RED).as("row 5, column " + c).isEqualTo(crossed);
            assertThat(px[3 * 20 + c]).as("row 3 stays empty").isZero();
            assertThat(px[6 * 20 + c]).as("row 6 stays empty").isZero();
        }
    }

    @Test
    void aSteepSegmentFillsTheRowsItPassesInEachColumn() {
        int[] px = new int[4 * 10];
        ColumnRaster r = new ColumnRaster(px, 4, 10);
        r.stroke(r.spans(new double[] {1, 2}, new double[] {1, 9}, new boolean[2], 2), 1, RED);
        for (int row = 1; row < 9; row++) {
            assertThat(px[row * 4 + 1]).as("column 1, row " + row).isEqualTo(RED);
        }
        assertThat(px[0]).isZero();
    }

    @Test
    void aBreakLeavesTheColumnsBetweenRunsEmpty() {
        int[] px = new int[20 * 10];
        ColumnRaster r = new ColumnRaster(px, 20, 10);
        r.stroke(r.spans(new double[] {1, 4, 15, 18}, new double[] {5, 5, 5, 5}, new boolean[] {false, false, true,
            false}, 4), 2, RED);
        assertThat(px[5 * 20 + 3]).isEqualTo(RED);
        assertThat(px[5 * 20 + 9]).as("inside the gap").isZero();
        assertThat(px[5 * 20 + 16]).isEqualTo(RED);
    }

    @Test
    void halfCoveredPixelsGetHalfTheColour() {
        int[] px = new int[10];
        ColumnRaster r = new ColumnRaster(px, 1, 10);
        r.stroke(r.spans(new double[] {0.5}, new double[] {5}, new boolean[1], 1), 1, RED);
        assertThat(px[4] >>> 24).as("row 4 alpha").isBetween(120, 136);
        assertThat(px[5] >>> 24).as("row 5 alpha").isBetween(120, 136);
    }
}
