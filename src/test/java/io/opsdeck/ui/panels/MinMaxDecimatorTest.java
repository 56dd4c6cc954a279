package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MinMaxDecimatorTest {

    private static final int N = 11_000;

    @Test
    void everyBucketKeepsItsMinimumAndMaximumAsAtMostTwoVertices() {
        long[] ts = times(0, N);
        double[] v = walk(N, 7);
        v[5_432] = 99;
        v[8_001] = -99;
        long bucket = MinMaxDecimator.bucketMs(ts[N - 1] - ts[0], 300);
        MinMaxDecimator.Line line = new MinMaxDecimator().update(ts, v, bucket);
        int buckets = (int) (ts[N - 1] / bucket) + 1;
        double[] min = new double[buckets];
        double[] max = new double[buckets];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < N; i++) {
            int b = (int) (ts[i] / bucket);
            min[b] = Math.min(min[b], v[i]);
            max[b] = Math.max(max[b], v[i]);
        }
        double[] gotMin = new double[buckets];
        double[] gotMax = new double[buckets];
        int[] count = new int[buckets];
        Arrays.fill(gotMin, Double.POSITIVE_INFINITY);
        Arrays.fill(gotMax, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < line.size(); i++) {
            int b = (int) (line.t()[i] / bucket);
            gotMin[b] = Math.min(gotMin[b], line.values()[i]);
            gotMax[b] = Math.max(gotMax[b], line.values()[i]);
            count[b]++;
        }
        assertThat(gotMin).containsExactly(min);
        assertThat(gotMax).containsExactly(max);
        assertThat(Arrays.stream(count).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(1, 2));
        assertThat(Arrays.stream(line.values(), 0, line.size()).boxed().toList()).contains(99.0, -99.0);
    }

    @Test
    void aTailRefreshGivesTheSameVerticesAsAFullPassButReadsOnlyTheTail() {
        long[] ts = times(0, N);
        double[] v = walk(N, 3);
        v[40] = Double.NaN;
        long bucket = MinMaxDecimator.bucketMs(ts[N - 1], 1600);
        MinMaxDecimator d = new MinMaxDecimator();
        d.update(ts, v, bucket);
        // 15 samples dropped at the head, the last 2 re-fetched with new values, 15 new ones
        long[] ts2 = times(15, N);
        double[] v2 = Arrays.copyOfRange(v, 15, N + 15);
        double[] fresh = walk(17, 9);
        System.arraycopy(fresh, 0, v2, N - 17, 17);
        MinMaxDecimator.Line incremental = d.update(ts2, v2, bucket);
        long scanned = d.lastScanned();
        MinMaxDecimator.Line full = new MinMaxDecimator().update(ts2, v2, bucket);
        assertThat(incremental.size()).isEqualTo(full.size());
        assertThat(Arrays.copyOf(incremental.t(), incremental.size())).containsExactly(Arrays.copyOf(full.t(), full.size()));
        assertThat(Arrays.copyOf(incremental.values(), incremental.size()))
                .containsExactly(Arrays.copyOf(full.values(), full.size()));
        assertThat(Arrays.copyOf(incremental.breakBefore(), incremental.size()))
                .containsExactly(Arrays.copyOf(full.breakBefore(), full.size()));
        assertThat(scanned).as("samples read: the head bucket and the changed tail only").isLessThan(100);
    }

    @Test
    void aGapBreaksTheLine() {
        long[] ts = {0, 1000, 2000, 3000};
        double[] v = {1, Double.NaN, 3, 4};
        MinMaxDecimator.Line line = new MinMaxDecimator().update(ts, v, 1);
        assertThat(line.size()).isEqualTo(3);
        assertThat(line.breakBefore()[1]).isTrue();
        assertThat(line.breakBefore()[2]).isFalse();
    }

    @Test
    void smallZoomStepsKeepTheBucketWidth() {
        long a = MinMaxDecimator.bucketMs(3_600_000, 1600);
        long b = MinMaxDecimator.bucketMs(3_700_000, 1600);
        assertThat(a).isEqualTo(b).isGreaterThanOrEqualTo(3_700_000 / 1600);
        assertThat((double) a / (3_600_000 / 1600.0)).as("at most ~1.25 buckets per column").isLessThanOrEqualTo(1.26);
    }

    private static long[] times(int first, int n) {
        long[] ts = new long[n];
        for (int i = 0; i < n; i++) {
            ts[i] = (first + i) * 1000L;
        }
        return ts;
    }

    private static double[] walk(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        double x = 0;
        for (int i = 0; i < n; i++) {
            x += r.nextGaussian();
            v[i] = x;
        }
        return v;
    }
}
