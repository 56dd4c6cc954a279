package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimatorTest {

    @Test
    void everyPixelColumnKeepsItsMinimumAndMaximumAndAtMostFourVertices() {
        int n = 11_000;
        long[] ts = new long[n];
        double[] v = new double[n];
        Random r = new Random(7);
        for (int i = 0; i < n; i++) {
            ts[i] = i * 1000L;
            v[i] = r.nextGaussian();
        }
        v[5_432] = 99;   // a spike must survive
        v[8_001] = -99;
        int width = 300;
        long from = 0;
        long to = (n - 1) * 1000L;
        Decimator.Line line = new Decimator().decimate(ts, v, from, to, width);
        double scale = width / (double) (to - from);
        double[] min = new double[width + 1];
        double[] max = new double[width + 1];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int c = (int) Math.floor((ts[i] - from) * scale);
            min[c] = Math.min(min[c], v[i]);
            max[c] = Math.max(max[c], v[i]);
        }
        double[] gotMin = new double[width + 1];
        double[] gotMax = new double[width + 1];
        int[] count = new int[width + 1];
        java.util.Arrays.fill(gotMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(gotMax, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < line.size(); i++) {
            int c = (int) Math.floor(line.x(i));
            gotMin[c] = Math.min(gotMin[c], line.value(i));
            gotMax[c] = Math.max(gotMax[c], line.value(i));
            count[c]++;
        }
        assertThat(gotMin).containsExactly(min);
        assertThat(gotMax).containsExactly(max);
        assertThat(java.util.Arrays.stream(count).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(1, 4));
        assertThat(line.size()).isLessThanOrEqualTo(4 * (width + 1));
    }

    @Test
    void fewerSamplesThanPixelsAreDrawnAsTheyAre() {
        long[] ts = {0, 10_000, 20_000};
        double[] v = {1, 5, 2};
        Decimator.Line line = new Decimator().decimate(ts, v, 0, 20_000, 800);
        assertThat(line.size()).isEqualTo(3);
        assertThat(new double[] {line.value(0), line.value(1), line.value(2)}).containsExactly(1, 5, 2);
    }

    @Test
    void aGapBreaksTheLine() {
        long[] ts = {0, 1000, 2000, 3000};
        double[] v = {1, Double.NaN, 3, 4};
        Decimator.Line line = new Decimator().decimate(ts, v, 0, 3000, 100);
        assertThat(line.size()).isEqualTo(3);
        assertThat(line.breakBefore()[1]).isTrue();
        assertThat(line.breakBefore()[2]).isFalse();
    }

    @Test
    void onlyTheVisibleRangePlusOneNeighbourEachSideIsDecimated() {
        long[] ts = new long[100];
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            ts[i] = i * 1000L;
            v[i] = i;
        }
        Decimator.Line line = new Decimator().decimate(ts, v, 40_000, 50_000, 1000);
        assertThat(line.value(0)).isEqualTo(39);
        assertThat(line.value(line.size() - 1)).isEqualTo(51);
    }
}
