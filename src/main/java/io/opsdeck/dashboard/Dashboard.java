package io.opsdeck.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable dashboard, from OpsDeck YAML or Grafana JSON.
 *
 * <pre>{@code
 * Dashboard d = Dashboards.load(Path.of("dashboards/dba.yaml"), DatasourceResolver.single("prod"));
 * d.allPanels().forEach(p -> System.out.println(p.title()));
 * }</pre>
 *
 * @param id        stable identifier (file name or Grafana uid)
 * @param title     shown in the title bar; may contain variables
 * @param tags      free tags
 * @param variables template variables in declaration order
 * @param panels    top-level panels and rows (rows nest their own panels)
 * @param timeFrom  default range start, e.g. "now-24h"
 * @param timeTo    default range end, usually "now"
 * @param refresh   auto refresh interval such as "1m", empty for none
 * @param warnings  problems found while loading that do not belong to one panel (e.g. an unknown variable type)
 */
public record Dashboard(String id, String title, List<String> tags, List<Variable> variables,
                        List<DashboardPanel> panels, String timeFrom, String timeTo, String refresh,
                        List<String> warnings) {

    public Dashboard {
        id = id == null ? "" : id;
        title = title == null ? "" : title;
        tags = tags == null ? List.of() : List.copyOf(tags);
        variables = variables == null ? List.of() : List.copyOf(variables);
        panels = panels == null ? List.of() : List.copyOf(panels);
        timeFrom = timeFrom == null || timeFrom.isBlank() ? "now-6h" : timeFrom;
        timeTo = timeTo == null || timeTo.isBlank() ? "now" : timeTo;
        refresh = refresh == null ? "" : refresh;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Every panel and placeholder, rows flattened away (row headers not included). */
    public List<DashboardPanel> allPanels() {
        List<DashboardPanel> out = new ArrayList<>();
        for (DashboardPanel p : panels) {
            if (p instanceof RowPanel row) {
                out.addAll(row.panels());
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Supported panels only. */
    public List<Panel> queryPanels() {
        return allPanels().stream().filter(Panel.class::isInstance).map(Panel.class::cast).toList();
    }

    /** Placeholders only. */
    public List<UnsupportedPanel> unsupportedPanels() {
        return allPanels().stream().filter(UnsupportedPanel.class::isInstance).map(UnsupportedPanel.class::cast)
                .toList();
    }

    public Dashboard withPanels(List<DashboardPanel> newPanels) {
        return new Dashboard(id, title, tags, variables, newPanels, timeFrom, timeTo, refresh, warnings);
    }
}
