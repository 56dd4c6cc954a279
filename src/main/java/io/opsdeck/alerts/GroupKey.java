package io.opsdeck.alerts;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * Identifies a group by its label names and values; equal across refreshes as long as the values are, so a UI can
 * key collapse state by it.
 */
public record GroupKey(List<String> labels, List<String> values) {

    public GroupKey {
        labels = List.copyOf(labels);
        values = List.copyOf(values);
        if (labels.size() != values.size()) {
            throw new IllegalArgumentException("a group key needs one value per label");
        }
    }

    /** Label to value, in grouping order. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            map.put(labels.get(i), values.get(i));
        }
        return map;
    }

    /** {@code alertname="HostDown", instance="web-1"}; {@code (all)} when grouping by nothing. */
    public String display() {
        if (labels.isEmpty()) {
            return "(all)";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            String v = values.get(i);
            out.append(labels.get(i)).append('=').append(v.isEmpty() ? "(none)" : '"' + v + '"');
        }
        return out.toString();
    }
}
