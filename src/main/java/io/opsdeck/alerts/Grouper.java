package io.opsdeck.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Filters and groups a snapshot's rows. Rows arrive pre-sorted and each row's group is precomputed per grouping
 * ({@link ViewCache}), so a view is one pass over the kept rows plus sorting the groups.
 */
final class Grouper {

    /** Row order inside a group: worst severity, newest start, then key. */
    static final Comparator<AlertRow> ROW_ORDER = Comparator.comparing(AlertRow::severity)
            .thenComparing((AlertRow r) -> r.alert().startsAt(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(AlertRow::key);

    private Grouper() {
    }

    static AlertView view(WorkspaceSnapshot snapshot, Filter filter, Grouping grouping) {
        ViewCache cache = snapshot.viewCache();
        BitSet matched = cache.matches(filter);
        List<RowGroup> groups = cache.lastGroups(matched, grouping);
        if (groups == null) {
            groups = group(snapshot.rowsInDisplayOrder(), matched, cache, grouping);
            cache.remember(matched, grouping, groups);
        }
        return new AlertView(filter, grouping, groups, snapshot.rows().size(), matched.cardinality(),
                hiddenFiring(cache, matched, snapshot.rows().size()));
    }

    /** The firing rows the filter hid, by severity: one pass over the unmatched rows' state bytes. */
    private static Map<Severity, Integer> hiddenFiring(ViewCache cache, BitSet matched, int rows) {
        byte[] state = cache.states();
        byte[] severity = cache.severities();
        int[] hidden = new int[Severity.values().length];
        byte firing = (byte) RowState.FIRING.ordinal();
        for (int i = matched.nextClearBit(0); i < rows; i = matched.nextClearBit(i + 1)) {
            if (state[i] == firing) {
                hidden[severity[i]]++;
            }
        }
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            if (hidden[s.ordinal()] > 0) {
                out.put(s, hidden[s.ordinal()]);
            }
        }
        return out;
    }

    private static List<RowGroup> group(List<AlertRow> rows, BitSet matched, ViewCache cache, Grouping grouping) {
        ViewCache.GroupIndex index = cache.groupIndex(grouping.labels());
        int[] groupOfRow = index.groupOfRow();
        int[] sizes = new int[index.keys().size()];
        for (int i = matched.nextSetBit(0); i >= 0; i = matched.nextSetBit(i + 1)) {
            sizes[groupOfRow[i]]++;
        }
        AlertRow[][] members = new AlertRow[sizes.length][];
        int[] filled = new int[sizes.length];
        for (int g = 0; g < sizes.length; g++) {
            members[g] = sizes[g] == 0 ? null : new AlertRow[sizes[g]];
        }
        for (int i = matched.nextSetBit(0); i >= 0; i = matched.nextSetBit(i + 1)) {
            int g = groupOfRow[i];
            members[g][filled[g]++] = rows.get(i);
        }
        int[][] severities = new int[sizes.length][];
        int[][] states = new int[sizes.length][];
        int[] latest = new int[sizes.length];
        Arrays.fill(latest, -1);
        byte[] severity = cache.severities();
        byte[] state = cache.states();
        long[] start = cache.startMillis();
        for (int i = matched.nextSetBit(0); i >= 0; i = matched.nextSetBit(i + 1)) {
            int g = groupOfRow[i];
            if (severities[g] == null) {
                severities[g] = new int[Severity.values().length];
                states[g] = new int[RowState.values().length];
            }
            severities[g][severity[i]]++;
            states[g][state[i]]++;
            if (latest[g] < 0 || start[i] > start[latest[g]]) {
                latest[g] = i;
            }
        }
        List<RowGroup> groups = new ArrayList<>();
        for (int g = 0; g < sizes.length; g++) {
            if (members[g] != null) {
                groups.add(group(new GroupKey(grouping.labels(), index.keys().get(g)), Arrays.asList(members[g]),
                        severities[g], states[g], rows.get(latest[g]).alert().startsAt()));
            }
        }
        groups.sort(order(grouping));
        return List.copyOf(groups);
    }

    private static RowGroup group(GroupKey key, List<AlertRow> rows, int[] bySeverity, int[] byState,
                                  Instant latest) {
        Severity worst = Severity.OTHER;
        Map<Severity, Integer> severities = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            severities.put(s, bySeverity[s.ordinal()]);
            if (bySeverity[s.ordinal()] > 0 && s.compareTo(worst) < 0) {
                worst = s;
            }
        }
        Map<RowState, Integer> states = new EnumMap<>(RowState.class);
        for (RowState s : RowState.values()) {
            states.put(s, byState[s.ordinal()]);
        }
        return new RowGroup(key, rows, severities, states, worst, latest);
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
