package io.opsdeck.simulate;

import io.prometheus.metrics.model.snapshots.Labels;
import java.util.Arrays;

/**
 * A cumulative histogram fed with whole batches of log-normally distributed latencies, so a step of thousands of
 * requests costs one CDF evaluation per bucket instead of one sample per request.
 */
final class LatencyHistogram {

    static final double[] HTTP_BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, Double.POSITIVE_INFINITY};
    static final double[] INFERENCE_BOUNDS = {0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, Double.POSITIVE_INFINITY};

    private final double[] bounds;
    private final double[] cumulative;
    private double sum;

    LatencyHistogram(double[] bounds) {
        this.bounds = bounds;
        this.cumulative = new double[bounds.length];
    }

    /** Records {@code n} requests whose latency is log-normal with this median and log-space spread. */
    void observe(double n, double median, double sigma) {
        double lnMedian = Math.log(median);
        for (int i = 0; i < bounds.length - 1; i++) {
            cumulative[i] += n * normalCdf((Math.log(bounds[i]) - lnMedian) / sigma);
        }
        cumulative[bounds.length - 1] += n;
        sum += n * median * Math.exp(sigma * sigma / 2);
    }

    void reset() {
        Arrays.fill(cumulative, 0);
        sum = 0;
    }

    void render(Out out, Labels labels) {
        // The client's buckets hold per-bucket counts and cumulate them when writing.
        long[] counts = new long[bounds.length];
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            long cumulativeCount = (long) cumulative[i];
            counts[i] = cumulativeCount - below;
            below = cumulativeCount;
        }
        out.histogramPoint(labels, bounds, counts, sum);
    }

    /** Standard normal CDF (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
                * t * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
