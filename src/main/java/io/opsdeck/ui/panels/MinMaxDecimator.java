package io.opsdeck.ui.panels;

import java.util.Arrays;

/**
 * Min/max decimation into time buckets aligned to the epoch (not to the visible range), keeping at most two vertices
 * per bucket: the minimum and the maximum in time order. With a bucket of about one pixel column that draws like a
 * line through every sample (every spike kept) with at most ~2 vertices per column. Because buckets do not move
 * with the range, a tail refresh (head samples dropped, new samples appended) reuses every bucket whose samples did
 * not change and scans only the head bucket and the new tail; panning reuses everything. Not thread-safe: one
 * instance per series, used by one render job at a time.
 *
 * <pre>{@code
 * MinMaxDecimator d = new MinMaxDecimator();
 * MinMaxDecimator.Line line = d.update(ts, values, MinMaxDecimator.bucketMs(to - from, plotWidthPx));
 * }</pre>
 */
public final class MinMaxDecimator {

    private long[] lastTs;
    private double[] lastValues;
    private long lastBucketMs;
    private Line last;
    private long scanned;

    /**
     * Vertices in time order.
     *
     * @param t           sample time of each vertex (epoch ms)
     * @param values      value of each vertex
     * @param breakBefore true where a gap (NaN) precedes the vertex
     * @param size        vertices used in the arrays
     */
    public record Line(long[] t, double[] values, boolean[] breakBefore, int size) {
        static final Line EMPTY = new Line(new long[0], new double[0], new boolean[0], 0);
    }

    /**
     * The bucket width for {@code spanMs} over {@code widthPx} columns: at least one column wide, rounded up to
     * 2^k x {1, 1.25, 1.5, 1.75}, so a zoom by a few percent keeps the same buckets (and their cached vertices)
     * while a column still holds at most ~1.25 buckets.
     */
    public static long bucketMs(long spanMs, int widthPx) {
        long raw = Math.max(1, (spanMs + Math.max(1, widthPx) - 1) / Math.max(1, widthPx));
        if (raw < 8) {
            return raw;
        }
        long pow = Long.highestOneBit(raw);
        for (long quarter = 4; quarter <= 8; quarter++) {
            long b = pow / 4 * quarter;
            if (b >= raw) {
                return b;
            }
        }
        return pow * 2;
    }

    /** Samples read by the last {@link #update} (tests and benchmarks: a tail refresh reads only the tail). */
    public long lastScanned() {
        return scanned;
    }

    /**
     * Decimates {@code ts}/{@code v}, reusing the previous result where the samples are the same. The arrays must not
     * be changed afterwards (the next call compares against them).
     */
    public Line update(long[] ts, double[] v, long bucketMs) {
        scanned = 0;
        Line out;
        int n = ts.length;
        int reuseAt = n == 0 || last == null || bucketMs != lastBucketMs ? -1 : Decimator.lowerBound(lastTs, ts[0]);
        if (n == 0) {
            out = Line.EMPTY;
        } else if (reuseAt < 0 || reuseAt >= lastTs.length || lastTs[reuseAt] != ts[0]) {
            Builder b = new Builder(n);
            scan(ts, v, 0, n, bucketMs, b, false);
            out = b.line();
        } else {
            out = incremental(ts, v, bucketMs, reuseAt);
        }
        lastTs = ts;
        lastValues = v;
        lastBucketMs = bucketMs;
        last = out;
        return out;
    }

    private Line incremental(long[] ts, double[] v, long bucketMs, int k) {
        int len = Math.min(lastTs.length - k, ts.length);
        int mt = Arrays.mismatch(lastTs, k, k + len, ts, 0, len);
        int mv = Arrays.mismatch(lastValues, k, k + len, v, 0, len);
        int same = Math.min(mt < 0 ? len : mt, mv < 0 ? len : mv);
        long headBucket = Math.floorDiv(ts[0], bucketMs);
        long changed = same < ts.length ? Math.floorDiv(ts[same], bucketMs) : Long.MAX_VALUE;
        Builder b = new Builder(Math.max(16, last.size() + 2 * (ts.length - same) + 4));
        int headEnd = Decimator.lowerBound(ts, (headBucket + 1) * bucketMs);
        scan(ts, v, 0, Math.min(headEnd, ts.length), bucketMs, b, false);
        if (changed > headBucket + 1) {
            // vertices of whole buckets between the head bucket and the first changed sample are unchanged
            long fromT = (headBucket + 1) * bucketMs;
            long toT = changed == Long.MAX_VALUE ? Long.MAX_VALUE : changed * bucketMs;
            int a = Decimator.lowerBound(last.t(), last.size(), fromT);
            int z = toT == Long.MAX_VALUE ? last.size() : Decimator.lowerBound(last.t(), last.size(), toT);
            b.append(last, a, z);
        }
        if (changed != Long.MAX_VALUE) {
            int start = Math.max(headEnd, Decimator.lowerBound(ts, changed * bucketMs));
            scan(ts, v, start, ts.length, bucketMs, b, start > 0 && Double.isNaN(v[start - 1]));
        }
        return b.line();
    }

    private void scan(long[] ts, double[] v, int lo, int hi, long bucketMs, Builder out, boolean gapBefore) {
        scanned += hi - lo;
        long bucket = Long.MIN_VALUE;
        long bucketStart = Long.MAX_VALUE;
        long bucketEnd = Long.MIN_VALUE;
        int minI = -1;
        int maxI = -1;
        boolean gap = gapBefore;
        boolean pendingBreak = false;
        for (int i = lo; i < hi; i++) {
            double value = v[i];
            if (Double.isNaN(value)) {
                gap = true;
                continue;
            }
            long t = ts[i];
            long c = t >= bucketStart && t < bucketEnd ? bucket : Math.floorDiv(t, bucketMs);
            if (c != bucket || gap) {
                bucketStart = c * bucketMs;
                bucketEnd = bucketStart + bucketMs;
                if (minI >= 0) {
                    out.emit(ts, v, minI, maxI, pendingBreak);
                }
                pendingBreak = gap && out.size > 0;
                gap = false;
                bucket = c;
                minI = maxI = i;
                continue;
            }
            if (value < v[minI]) {
                minI = i;
            }
            if (value > v[maxI]) {
                maxI = i;
            }
        }
        if (minI >= 0) {
            out.emit(ts, v, minI, maxI, pendingBreak);
        }
    }

    private static final class Builder {
        long[] t;
        double[] y;
        boolean[] br;
        int size;

        Builder(int capacity) {
            t = new long[Math.max(4, capacity)];
            y = new double[t.length];
            br = new boolean[t.length];
        }

        void emit(long[] ts, double[] v, int minI, int maxI, boolean brk) {
            int a = Math.min(minI, maxI);
            int b = Math.max(minI, maxI);
            add(ts[a], v[a], brk);
            if (b != a) {
                add(ts[b], v[b], false);
            }
        }

        void append(Line l, int from, int to) {
            for (int i = from; i < to; i++) {
                add(l.t()[i], l.values()[i], l.breakBefore()[i] && size > 0);
            }
        }

        void add(long time, double value, boolean brk) {
            if (size == t.length) {
                int cap = size * 2;
                t = Arrays.copyOf(t, cap);
                y = Arrays.copyOf(y, cap);
                br = Arrays.copyOf(br, cap);
            }
            t[size] = time;
            y[size] = value;
            br[size] = brk;
            size++;
        }

        Line line() {
            return new Line(t, y, br, size);
        }
    }
}
