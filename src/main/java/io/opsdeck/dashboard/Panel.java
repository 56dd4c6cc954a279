package io.opsdeck.dashboard;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A supported visualization with its queries.
 *
 * @param id              unique within the dashboard
 * @param type            one of {@link #TYPES}
 * @param title           may contain template variables
 * @param description     tooltip text, may be empty
 * @param gridPos         place on the 24-column grid
 * @param datasource      default source of the targets
 * @param targets         queries
 * @param fieldConfig     units, thresholds, mappings, overrides
 * @param options         visualization options as plain values (reduceOptions, legend, content of text panels...)
 * @param transformations applied to the query results in order
 * @param repeat          repeat by variable, null for none
 * @param minInterval     lower limit of the query step (e.g. "30s"), empty for none
 * @param maxDataPoints   upper limit of points per series, 0 for the panel width
 */
public record Panel(int id, String type, String title, String description, GridPos gridPos, DatasourceRef datasource,
                    List<Target> targets, FieldConfig fieldConfig, Map<String, Object> options,
                    List<Transformation> transformations, Repeat repeat, String minInterval, int maxDataPoints)
        implements DashboardPanel {

    /** Panel types OpsDeck draws. */
    public static final Set<String> TYPES = Set.of("timeseries", "stat", "gauge", "bargauge", "table", "text",
            "statusgrid", "alertlist");

    public Panel {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unsupported panel type '" + type + "'");
        }
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        datasource = datasource == null ? DatasourceRef.DEFAULT : datasource;
        targets = targets == null ? List.of() : List.copyOf(targets);
        fieldConfig = fieldConfig == null ? FieldConfig.EMPTY : fieldConfig;
        options = options == null ? Map.of() : PlainValues.copyMap(options);
        transformations = transformations == null ? List.of() : List.copyOf(transformations);
        minInterval = minInterval == null ? "" : minInterval;
        maxDataPoints = Math.max(0, maxDataPoints);
    }

    /** Source of a target: its own, else the panel's. */
    public DatasourceRef sourceOf(Target t) {
        return t.datasource() != null ? t.datasource() : datasource;
    }

    public Panel withId(int newId) {
        return new Panel(newId, type, title, description, gridPos, datasource, targets, fieldConfig, options,
                transformations, repeat, minInterval, maxDataPoints);
    }

    public Panel withGridPos(GridPos g) {
        return new Panel(id, type, title, description, g, datasource, targets, fieldConfig, options, transformations,
                repeat, minInterval, maxDataPoints);
    }

    public Panel withTitleAndTargets(String t, List<Target> ts, DatasourceRef ds) {
        return new Panel(id, type, t, description, gridPos, ds, ts, fieldConfig, options, transformations, null,
                minInterval, maxDataPoints);
    }
}
