package io.opsdeck.dashboard;

import java.util.Map;

/**
 * A Grafana data transformation applied to a panel's frames, e.g. {@code organize} or {@code renameByRegex}.
 *
 * @param id       Grafana's transformation id
 * @param options  its options as plain maps, lists, strings, numbers and booleans
 * @param disabled true when switched off in the dashboard
 */
public record Transformation(String id, Map<String, Object> options, boolean disabled) {

    public Transformation {
        options = options == null ? Map.of() : PlainValues.copyMap(options);
    }
}
