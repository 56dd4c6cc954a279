package io.opsdeck.simulate;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects one scrape's snapshots. Metric families are started with {@link #gauge}, {@link #counter} etc. and filled
 * with {@link #point}; label sets come precomputed from the models, so a scrape allocates only the data points.
 */
final class Out {

    private enum Kind { GAUGE, COUNTER, UNTYPED, INFO, HISTOGRAM }

    private final List<MetricSnapshot> metrics = new ArrayList<>(96);
    private final List<Object> points = new ArrayList<>(64);
    private MetricMetadata meta;
    private Kind kind;

    /** Metadata for a family; counters are named without {@code _total}, which the text writer appends. */
    static MetricMetadata meta(String name, String help) {
        return new MetricMetadata(name, help);
    }

    Out gauge(MetricMetadata m) {
        return start(m, Kind.GAUGE);
    }

    Out counter(MetricMetadata m) {
        return start(m, Kind.COUNTER);
    }

    /** Counters whose real exporters name them without {@code _total} (postgres_exporter, vmstat) stay untyped. */
    Out untyped(MetricMetadata m) {
        return start(m, Kind.UNTYPED);
    }

    Out info(MetricMetadata m, Labels labels) {
        start(m, Kind.INFO);
        points.add(new InfoDataPointSnapshot(labels));
        return this;
    }

    Out histogram(MetricMetadata m) {
        return start(m, Kind.HISTOGRAM);
    }

    Out point(Labels labels, double value) {
        points.add(switch (kind) {
            case GAUGE -> new GaugeDataPointSnapshot(value, labels, null);
            case COUNTER -> new CounterDataPointSnapshot(value, labels, null, 0L);
            case UNTYPED -> new UnknownDataPointSnapshot(value, labels, null);
            default -> throw new IllegalStateException(meta.getName() + " takes no plain points");
        });
        return this;
    }

    /** One histogram series from per-bucket (not cumulative) counts; {@code bounds} must end with +Inf. */
    Out histogramPoint(Labels labels, double[] bounds, long[] bucketCounts, double sum) {
        points.add(new HistogramDataPointSnapshot(ClassicHistogramBuckets.of(bounds, bucketCounts), sum, labels,
                Exemplars.EMPTY, 0L));
        return this;
    }

    @SuppressWarnings("unchecked")
    private void flush() {
        if (meta == null) {
            return;
        }
        List<?> p = List.copyOf(points);
        metrics.add(switch (kind) {
            case GAUGE -> new GaugeSnapshot(meta, (List<GaugeDataPointSnapshot>) p);
            case COUNTER -> new CounterSnapshot(meta, (List<CounterDataPointSnapshot>) p);
            case UNTYPED -> new UnknownSnapshot(meta, (List<UnknownDataPointSnapshot>) p);
            case INFO -> new InfoSnapshot(meta, (List<InfoDataPointSnapshot>) p);
            case HISTOGRAM -> new HistogramSnapshot(meta, (List<HistogramDataPointSnapshot>) p);
        });
        points.clear();
        meta = null;
    }

    private Out start(MetricMetadata m, Kind k) {
        flush();
        meta = m;
        kind = k;
        return this;
    }

    MetricSnapshots done() {
        flush();
        return new MetricSnapshots(metrics);
    }
}
