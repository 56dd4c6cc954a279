package io.opsdeck.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-snapshot memory that makes a filter keystroke cheap: the rows selected by each filter prefix (the first n
 * terms), each row's group under a grouping, and the last view. Typing at the end of the filter then only tests the
 * changed last term, and only on the rows the earlier terms kept. Thread-safe; cached bit sets are never mutated.
 */
final class ViewCache {

    /** Which group each row (by display index) falls into, and the groups' label values. */
    record GroupIndex(int[] groupOfRow, List<List<String>> keys) {
    }

    /** One label's value per row, as codes into {@code values}, so terms test each distinct value once. */
    record Column(int[] codes, String[] values) {
    }

    private record LastView(BitSet rows, Grouping grouping, List<RowGroup> groups) {
    }

    private static final int MAX_PREFIXES = 128;

    private final List<AlertRow> rows;
    private final Instant now;
    private final BitSet all;
    private final byte[] severity;
    private final byte[] state;
    private final long[] startMillis;
    private final Map<String, BitSet> prefixes = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BitSet> eldest) {
            return size() > MAX_PREFIXES;
        }
    };
    private final Map<List<String>, GroupIndex> groupIndexes = new ConcurrentHashMap<>();
    private final Map<String, Column> columns = new ConcurrentHashMap<>();
    private volatile LastView last;

    ViewCache(List<AlertRow> rowsInDisplayOrder, Instant now) {
        this.rows = rowsInDisplayOrder;
        this.now = now;
        this.all = new BitSet(rows.size());
        all.set(0, rows.size());
        // Flat per-row arrays: counting and state tests then touch no row objects (cache misses dominate at 100k).
        severity = new byte[rows.size()];
        state = new byte[rows.size()];
        startMillis = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            AlertRow r = rows.get(i);
            severity[i] = (byte) r.severity().ordinal();
            state[i] = (byte) r.state().ordinal();
            Instant start = r.alert().startsAt();
            startMillis[i] = start == null ? Long.MIN_VALUE : start.toEpochMilli();
        }
    }

    byte[] severities() {
        return severity;
    }

    byte[] states() {
        return state;
    }

    long[] startMillis() {
        return startMillis;
    }

    /** Display indexes of the rows the filter keeps; do not modify the result. */
    BitSet matches(Filter filter) {
        int n = filter.termCount();
        BitSet current = all;
        int known = 0;
        synchronized (prefixes) {
            for (int k = n; k > 0; k--) {
                BitSet cached = prefixes.get(filter.prefixKey(k));
                if (cached != null) {
                    current = cached;
                    known = k;
                    break;
                }
            }
        }
        for (int t = known; t < n; t++) {
            Filter.Term term = filter.term(t);
            BitSet in = current;
            String wider = term.widerSource(filter.source(t));
            if (wider != null) {
                synchronized (prefixes) {
                    BitSet narrowed = prefixes.get(filter.prefixKey(t, wider));
                    in = narrowed != null ? narrowed : current;
                }
            }
            BitSet next = new BitSet(rows.size());
            term.select(this, in, next);
            synchronized (prefixes) {
                prefixes.put(filter.prefixKey(t + 1), next);
            }
            current = next;
        }
        return current;
    }

    AlertRow row(int displayIndex) {
        return rows.get(displayIndex);
    }

    Instant now() {
        return now;
    }

    /** The label's column, built on first use. */
    Column column(String label) {
        return columns.computeIfAbsent(label, this::buildColumn);
    }

    private Column buildColumn(String label) {
        int[] codes = new int[rows.size()];
        Map<String, Integer> ids = new HashMap<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            String v = rows.get(i).label(label);
            Integer id = ids.get(v);
            if (id == null) {
                id = values.size();
                ids.put(v, id);
                values.add(v);
            }
            codes[i] = id;
        }
        return new Column(codes, values.toArray(String[]::new));
    }

    GroupIndex groupIndex(List<String> labels) {
        return groupIndexes.computeIfAbsent(List.copyOf(labels), this::buildIndex);
    }

    private GroupIndex buildIndex(List<String> labels) {
        int[] groupOfRow = new int[rows.size()];
        Map<List<String>, Integer> ids = new HashMap<>();
        List<List<String>> keys = new ArrayList<>();
        String[] values = new String[labels.size()];
        for (int i = 0; i < rows.size(); i++) {
            AlertRow row = rows.get(i);
            for (int l = 0; l < values.length; l++) {
                values[l] = row.label(labels.get(l));
            }
            List<String> key = List.of(values);
            Integer id = ids.get(key);
            if (id == null) {
                id = keys.size();
                ids.put(key, id);
                keys.add(key);
            }
            groupOfRow[i] = id;
        }
        return new GroupIndex(groupOfRow, List.copyOf(keys));
    }

    /** The groups of the last view when it had exactly these rows (same cached set) and grouping, else null. */
    List<RowGroup> lastGroups(BitSet matched, Grouping grouping) {
        LastView v = last;
        return v != null && v.rows == matched && v.grouping.equals(grouping) ? v.groups : null;
    }

    void remember(BitSet matched, Grouping grouping, List<RowGroup> groups) {
        last = new LastView(matched, grouping, groups);
    }
}
