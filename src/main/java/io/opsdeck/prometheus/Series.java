package io.opsdeck.prometheus;

import java.util.Arrays;

/**
 * One time series of a query result: its labels and its float samples in two parallel, exactly sized arrays
 * (timestamps in epoch milliseconds). NaN, +Inf and -Inf are kept as the doubles they are.
 * Immutable: the array accessors return copies; use {@link #timestamp(int)} and {@link #value(int)} in loops.
 */
public final class Series {

    private final Labels labels;
    private final long[] timestamps;
    private final double[] values;

    /** Copies the arrays, which must have the same length. */
    public Series(Labels labels, long[] timestamps, double[] values) {
        this(labels, timestamps.clone(), values.clone(), true);
    }

    // Trusted: takes ownership of exactly sized arrays from the decoder.
    Series(Labels labels, long[] timestamps, double[] values, boolean owned) {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length: "
                    + timestamps.length + " vs " + values.length);
        }
        this.labels = labels;
        this.timestamps = timestamps;
        this.values = values;
    }

    public Labels labels() {
        return labels;
    }

    public int size() {
        return timestamps.length;
    }

    public boolean isEmpty() {
        return timestamps.length == 0;
    }

    public long timestamp(int index) {
        return timestamps[index];
    }

    public double value(int index) {
        return values[index];
    }

    public long[] timestamps() {
        return timestamps.clone();
    }

    public double[] values() {
        return values.clone();
    }

    /** The last sample's value; the only one for instant vectors. NaN when empty. */
    public double lastValue() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** Retained bytes of the samples: 16 per sample (8 timestamp + 8 value). */
    public long sampleBytes() {
        return 16L * timestamps.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series other && labels.equals(other.labels)
                && Arrays.equals(timestamps, other.timestamps) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * labels.hashCode() + Arrays.hashCode(timestamps)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return labels + " (" + timestamps.length + (timestamps.length == 1 ? " sample)" : " samples)");
    }
}
