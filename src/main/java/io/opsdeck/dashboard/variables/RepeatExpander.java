package io.opsdeck.dashboard.variables;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardPanel;
import io.opsdeck.dashboard.GridPos;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.Repeat;
import io.opsdeck.dashboard.RowPanel;
import io.opsdeck.dashboard.Target;
import io.opsdeck.dashboard.UnsupportedPanel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands panel and row repeats for the current variable values, as Grafana's dashboard model does: one copy per
 * selected value, each with the repeat variable pinned to its value (written into title and queries), laid out
 * side by side ({@code h}, wrapping after maxPerRow, default 4) or stacked ({@code v}); later panels move down.
 */
public final class RepeatExpander {

    private static final int DEFAULT_MAX_PER_ROW = 4;

    private final Map<String, VariableValue> values;
    private int nextId;

    private RepeatExpander(Map<String, VariableValue> values, int firstFreeId) {
        this.values = values;
        this.nextId = firstFreeId;
    }

    /** The dashboard with every repeat expanded; panels repeating an unknown variable stay single. */
    public static Dashboard expand(Dashboard d, Map<String, VariableValue> values) {
        int maxId = d.panels().stream().mapToInt(DashboardPanel::id).max().orElse(0);
        maxId = Math.max(maxId, d.allPanels().stream().mapToInt(DashboardPanel::id).max().orElse(0));
        RepeatExpander ex = new RepeatExpander(values, maxId + 1);
        List<DashboardPanel> out = new ArrayList<>();
        int shift = 0;
        for (DashboardPanel p : d.panels()) {
            if (p instanceof RowPanel row) {
                List<RowPanel> copies = ex.expandRow(row, shift);
                int before = rowBottom(row) - row.gridPos().y();
                int after = copies.stream().mapToInt(r -> rowBottom(r) - r.gridPos().y()).sum();
                out.addAll(copies);
                shift += after - before;
            } else {
                List<DashboardPanel> expanded = ex.expandPanels(List.of(p), shift);
                out.addAll(expanded);
                shift += extraHeight(List.of(p), expanded);
            }
        }
        return d.withPanels(out);
    }

    private List<RowPanel> expandRow(RowPanel row, int shift) {
        List<String> vals = repeatValues(row.repeat());
        if (vals == null) {
            return List.of(new RowPanel(row.id(), row.title(), moved(row.gridPos(), shift), row.collapsed(),
                    null, expandPanels(row.panels(), shift)));
        }
        List<RowPanel> copies = new ArrayList<>();
        int height = rowBottom(row) - row.gridPos().y();
        for (int i = 0; i < vals.size(); i++) {
            TemplateInterpolator pin = pin(row.repeat().variable(), vals.get(i));
            int offset = shift + i * height;
            List<DashboardPanel> children = new ArrayList<>();
            for (DashboardPanel c : row.panels()) {
                children.add(pinned(c, pin, i == 0 ? c.id() : nextId++, moved(c.gridPos(), offset)));
            }
            copies.add(new RowPanel(i == 0 ? row.id() : nextId++, pin.interpolate(row.title(),
                    TemplateInterpolator.DefaultFormat.RAW), moved(row.gridPos(), offset), row.collapsed(), null,
                    expandPanels(children, 0)));
        }
        return copies;
    }

    private List<DashboardPanel> expandPanels(List<DashboardPanel> panels, int shift) {
        List<DashboardPanel> out = new ArrayList<>();
        int extra = 0;
        for (DashboardPanel p : panels) {
            if (!(p instanceof Panel panel) || repeatValues(panel.repeat()) == null) {
                out.add(moveBy(p, shift + extra));
                continue;
            }
            Repeat r = panel.repeat();
            List<String> vals = repeatValues(r);
            GridPos g = moved(panel.gridPos(), shift + extra);
            int perRow = r.maxPerRow() > 0 ? r.maxPerRow() : DEFAULT_MAX_PER_ROW;
            int w = r.direction() == 'v' ? g.w() : Math.max(GridPos.COLUMNS / Math.max(1, vals.size()),
                    GridPos.COLUMNS / perRow);
            int perLine = Math.max(1, GridPos.COLUMNS / w);
            for (int i = 0; i < vals.size(); i++) {
                GridPos pos = r.direction() == 'v'
                        ? new GridPos(g.x(), g.y() + i * g.h(), g.w(), g.h())
                        : new GridPos((i % perLine) * w, g.y() + (i / perLine) * g.h(), w, g.h());
                out.add(pinned(panel, pin(r.variable(), vals.get(i)), i == 0 ? panel.id() : nextId++, pos));
            }
            int lines = r.direction() == 'v' ? vals.size() : (vals.size() + perLine - 1) / perLine;
            extra += (Math.max(1, lines) - 1) * g.h();
        }
        return out;
    }

    private List<String> repeatValues(Repeat r) {
        if (r == null) {
            return null;
        }
        VariableValue v = values.get(r.variable());
        return v == null || v.values().isEmpty() ? null : v.values();
    }

    private TemplateInterpolator pin(String variable, String value) {
        return new TemplateInterpolator(Map.of(variable, values.get(variable).pinned(value)), null);
    }

    private static DashboardPanel pinned(DashboardPanel p, TemplateInterpolator pin, int id, GridPos pos) {
        String title = pin.interpolate(p.title(), TemplateInterpolator.DefaultFormat.RAW);
        if (p instanceof Panel panel) {
            List<Target> targets = panel.targets().stream().map(t -> t.withExpr(pin.interpolate(t.expr()))).toList();
            return panel.withTitleAndTargets(title, targets, panel.datasource()).withId(id).withGridPos(pos);
        }
        if (p instanceof UnsupportedPanel u) {
            return new UnsupportedPanel(id, title, pos, u.type(), u.reason());
        }
        return p;
    }

    private static DashboardPanel moveBy(DashboardPanel p, int dy) {
        if (dy == 0) {
            return p;
        }
        GridPos g = moved(p.gridPos(), dy);
        if (p instanceof Panel panel) {
            return panel.withGridPos(g);
        }
        if (p instanceof UnsupportedPanel u) {
            return new UnsupportedPanel(u.id(), u.title(), g, u.type(), u.reason());
        }
        return p;
    }

    private static GridPos moved(GridPos g, int dy) {
        return new GridPos(g.x(), g.y() + dy, g.w(), g.h());
    }

    private static int rowBottom(RowPanel row) {
        int bottom = row.gridPos().y() + row.gridPos().h();
        for (DashboardPanel p : row.panels()) {
            bottom = Math.max(bottom, p.gridPos().y() + p.gridPos().h());
        }
        return bottom;
    }

    private static int extraHeight(List<DashboardPanel> before, List<DashboardPanel> after) {
        int b = before.stream().mapToInt(p -> p.gridPos().y() + p.gridPos().h()).max().orElse(0);
        int a = after.stream().mapToInt(p -> p.gridPos().y() + p.gridPos().h()).max().orElse(0);
        return Math.max(0, a - b);
    }
}
