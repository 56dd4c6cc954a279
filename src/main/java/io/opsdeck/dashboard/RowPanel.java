package io.opsdeck.dashboard;

import java.util.List;

/**
 * A row header. Grafana keeps a collapsed row's panels inside the row; an expanded row's panels follow it on the
 * dashboard. OpsDeck always nests them here, so {@code panels} are the panels of this row either way.
 *
 * @param id        unique id
 * @param title     may contain variables
 * @param gridPos   the header's place (full width, one unit high)
 * @param collapsed true when the row is folded
 * @param repeat    repeat by variable, null for none
 * @param panels    the row's panels
 */
public record RowPanel(int id, String title, GridPos gridPos, boolean collapsed, Repeat repeat,
                       List<DashboardPanel> panels) implements DashboardPanel {

    public RowPanel {
        title = title == null ? "" : title;
        panels = panels == null ? List.of() : List.copyOf(panels);
        if (panels.stream().anyMatch(p -> p instanceof RowPanel)) {
            throw new IllegalArgumentException("rows cannot contain rows");
        }
    }
}
