package io.opsdeck.ui.panels;

/**
 * M4 decimation: for every pixel column keeps the first, minimum, maximum and last sample, so a line drawn through
 * the result looks exactly like one through every sample (no spike is lost) while drawing at most four vertices per
 * column. NaN values break the line. Pure arithmetic, no toolkit: tested directly.
 *
 * <pre>{@code
 * Decimator.Line line = new Decimator().decimate(ts, values, from, to, 800);
 * for (int i = 0; i < line.size(); i++) draw(line.x(i), line.value(i), line.breakBefore(i));
 * }</pre>
 */
public final class Decimator {

    /**
     * Vertices to draw, in time order.
     *
     * @param x           pixel x of each vertex (column + 0.5)
     * @param values      data value of each vertex
     * @param breakBefore true where a gap (NaN) precedes the vertex
     * @param size        number of vertices used in the arrays
     */
    public record Line(double[] x, double[] values, boolean[] breakBefore, int size) {
        public double x(int i) {
            return x[i];
        }

        public double value(int i) {
            return values[i];
        }
    }

    /**
     * Decimates the samples inside {@code [from, to]} (epoch ms) onto {@code width} columns. One sample either side
     * of the range is kept so lines run to the edge.
     */
    public Line decimate(long[] ts, double[] v, long from, long to, int width) {
        int n = ts.length;
        if (n == 0 || width <= 0 || to <= from) {
            return new Line(new double[0], new double[0], new boolean[0], 0);
        }
        int lo = Math.max(0, lowerBound(ts, from) - 1);
        int hi = Math.min(n, lowerBound(ts, to + 1) + 1);
        int max = Math.min(4 * (width + 2), 4 * (hi - lo));
        double[] xs = new double[max];
        double[] ys = new double[max];
        boolean[] br = new boolean[max];
        int out = 0;
        double scale = width / (double) (to - from);
        int col = Integer.MIN_VALUE;
        int firstI = -1;
        int minI = -1;
        int maxI = -1;
        int lastI = -1;
        boolean gap = false;
        boolean pendingBreak = false;
        for (int i = lo; i < hi; i++) {
            double value = v[i];
            if (Double.isNaN(value)) {
                gap = true;
                continue;
            }
            int c = (int) Math.floor((ts[i] - from) * scale);
            if (c != col || gap) {
                if (firstI >= 0) {
                    out = emit(ts, v, from, scale, firstI, minI, maxI, lastI, pendingBreak, xs, ys, br, out);
                }
                pendingBreak = gap && out > 0;
                gap = false;
                col = c;
                firstI = minI = maxI = lastI = i;
                continue;
            }
            if (value < v[minI]) {
                minI = i;
            }
            if (value > v[maxI]) {
                maxI = i;
            }
            lastI = i;
        }
        if (firstI >= 0) {
            out = emit(ts, v, from, scale, firstI, minI, maxI, lastI, pendingBreak, xs, ys, br, out);
        }
        return new Line(xs, ys, br, out);
    }

    private static int emit(long[] ts, double[] v, long from, double scale, int first, int min, int max, int last,
                            boolean brk, double[] xs, double[] ys, boolean[] br, int out) {
        double x = Math.floor((ts[first] - from) * scale) + 0.5;
        int lowFirst = Math.min(min, max);
        int highSecond = Math.max(min, max);
        int[] order = {first, lowFirst, highSecond, last};
        int prev = -1;
        for (int k = 0; k < 4; k++) {
            int i = order[k];
            if (i == prev) {
                continue;
            }
            if (out == xs.length) {
                return out;
            }
            xs[out] = x;
            ys[out] = v[i];
            br[out] = brk && k == 0;
            out++;
            prev = i;
        }
        return out;
    }

    /** First index whose timestamp is at least {@code t}. */
    static int lowerBound(long[] ts, long t) {
        return lowerBound(ts, ts.length, t);
    }

    /** First index below {@code n} whose timestamp is at least {@code t} ({@code n} when none): arrays filled in part. */
    static int lowerBound(long[] ts, int n, long t) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
