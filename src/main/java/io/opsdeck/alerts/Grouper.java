package io.opsdeck.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Filters and groups a snapshot's rows. Rows arrive pre-sorted, so groups keep their order without re-sorting. */
final class Grouper {

    /** Row order inside a group: worst severity, newest start, then key. */
    static final Comparator<AlertRow> ROW_ORDER = Comparator.comparing(AlertRow::severity)
            .thenComparing((AlertRow r) -> r.alert().startsAt(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(AlertRow::key);

    private Grouper() {
    }

    static AlertView view(WorkspaceSnapshot snapshot, Filter filter, Grouping grouping) {
        Instant now = snapshot.takenAt();
        List<String> labels = grouping.labels();
        Map<List<String>, List<AlertRow>> members = new HashMap<>();
        int matched = 0;
        for (AlertRow row : snapshot.rowsInDisplayOrder()) {
            if (!filter.test(row, now)) {
                continue;
            }
            matched++;
            List<String> values = labels.size() == 1 ? List.of(row.label(labels.get(0))) : values(row, labels);
            members.computeIfAbsent(values, v -> new ArrayList<>()).add(row);
        }
        List<RowGroup> groups = new ArrayList<>(members.size());
        members.forEach((values, rows) -> groups.add(group(new GroupKey(labels, values), rows)));
        groups.sort(order(grouping));
        return new AlertView(filter, grouping, groups, snapshot.rows().size(), matched);
    }

    private static List<String> values(AlertRow row, List<String> labels) {
        String[] values = new String[labels.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.label(labels.get(i));
        }
        return List.of(values);
    }

    static RowGroup group(GroupKey key, List<AlertRow> rows) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Map<RowState, Integer> byState = new EnumMap<>(RowState.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0);
        }
        for (RowState s : RowState.values()) {
            byState.put(s, 0);
        }
        Severity worst = Severity.OTHER;
        Instant latest = null;
        for (AlertRow r : rows) {
            bySeverity.merge(r.severity(), 1, Integer::sum);
            byState.merge(r.state(), 1, Integer::sum);
            if (r.severity().compareTo(worst) < 0) {
                worst = r.severity();
            }
            Instant start = r.alert().startsAt();
            if (start != null && (latest == null || start.isAfter(latest))) {
                latest = start;
            }
        }
        return new RowGroup(key, rows, bySeverity, byState, worst, latest);
    }

    private static Comparator<RowGroup> order(Grouping grouping) {
        Comparator<RowGroup> byKey = Comparator.comparing(g -> String.join("\u0000", g.key().values()));
        return switch (grouping.sort()) {
            case SEVERITY -> Comparator.comparing(RowGroup::worstSeverity)
                    .thenComparing(g -> -g.count(g.worstSeverity()))
                    .thenComparing(byKey);
            case START_TIME -> Comparator.comparing(RowGroup::latestStart,
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(byKey);
            case LABEL -> Comparator.comparing((RowGroup g) -> smallest(g, grouping.sortLabel())).thenComparing(byKey);
        };
    }

    private static String smallest(RowGroup group, String label) {
        String min = null;
        for (AlertRow r : group.rows()) {
            String v = r.label(label);
            if (min == null || v.compareTo(min) < 0) {
                min = v;
            }
        }
        return min == null ? "" : min;
    }
}
