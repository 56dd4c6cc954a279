package io.opsdeck.dashboard.query;

import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges a freshly fetched tail into the previous frame of an incremental refresh. */
final class TailMerge {

    private TailMerge() {
    }

    /** Old points in [start, fetchStart) followed by the new points, per label set. */
    static Frame merge(Frame old, Frame received, long startMs, long fetchStartMs) {
        Map<Map<String, String>, Series> fresh = new LinkedHashMap<>();
        received.series().forEach(s -> fresh.put(s.labels(), s));
        List<Series> out = new ArrayList<>();
        for (Series o : old.series()) {
            Series n = fresh.remove(o.labels());
            Series joined = join(o, n, startMs, fetchStartMs);
            if (joined.size() > 0) {
                out.add(joined);
            }
        }
        out.addAll(fresh.values());
        return new Frame(out);
    }

    private static Series join(Series old, Series fresh, long startMs, long fetchStartMs) {
        int from = 0;
        while (from < old.size() && old.timestamp(from) < startMs) {
            from++;
        }
        int to = from;
        while (to < old.size() && old.timestamp(to) < fetchStartMs) {
            to++;
        }
        int extra = fresh == null ? 0 : fresh.size();
        long[] ts = new long[to - from + extra];
        double[] vs = new double[ts.length];
        for (int i = from; i < to; i++) {
            ts[i - from] = old.timestamp(i);
            vs[i - from] = old.value(i);
        }
        for (int i = 0; i < extra; i++) {
            ts[to - from + i] = fresh.timestamp(i);
            vs[to - from + i] = fresh.value(i);
        }
        return new Series(fresh != null ? fresh.name() : old.name(), old.labels(), old.refId(), ts, vs);
    }

}
