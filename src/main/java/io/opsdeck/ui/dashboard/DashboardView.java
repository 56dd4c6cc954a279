package io.opsdeck.ui.dashboard;

import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DashboardPanel;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.RowPanel;
import io.opsdeck.dashboard.TimeRange;
import io.opsdeck.dashboard.UnsupportedPanel;
import io.opsdeck.ui.panels.PanelContext;
import io.opsdeck.ui.panels.PanelFactory;
import io.opsdeck.ui.panels.PanelView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * The panels of one dashboard: rows with a fold button, each row's panels on the 24-column grid, every panel
 * bound to its state in the {@link DashboardViewModel}. Builds nodes when the dashboard (re)loads; afterwards only
 * panel states change.
 */
public final class DashboardView extends ScrollPane {

    private final DashboardViewModel vm;
    private final PanelContext panelContext;
    private final ObservableValue<Boolean> stale;
    private final Supplier<TimeRange> range;
    private final VBox content = new VBox(6);
    private final Map<Integer, PanelFrame> frames = new LinkedHashMap<>();
    /** The smallest grid row a wall shrinks to; below it the dashboard scrolls rather than become unreadable. */
    static final double MIN_FIT_ROW_PX = 12;
    private boolean fitHeight;

    public DashboardView(DashboardViewModel vm, PanelContext panelContext, ObservableValue<Boolean> stale,
                         Supplier<TimeRange> range) {
        this.vm = vm;
        this.panelContext = panelContext;
        this.stale = stale;
        this.range = range;
        getStyleClass().add("dashboard-view");
        setId("dashboard-view");
        setFitToWidth(true);
        setContent(content);
        content.setFillWidth(true);
        content.getChildren().add(new Label("Loading\u2026"));
        vm.dashboardProperty().addListener((o, a, d) -> build(d));
        vm.errorProperty().addListener((o, a, e) -> {
            if (!e.isEmpty()) {
                Label l = new Label(e);
                l.getStyleClass().add("dashboard-error");
                l.setId("dashboard-error");
                content.getChildren().setAll(l);
            }
        });
        widthProperty().addListener((o, a, w) -> vm.setWidthPx(w.intValue() - 20));
        io.opsdeck.ui.common.ScrollPanes.withoutViewportCache(this);
    }

    /**
     * Sizes the grid rows so the whole dashboard fills the height it is shown in, larger or smaller than Grafana's
     * 30 px rows (not below {@link #MIN_FIT_ROW_PX}): a wall screen has nobody to scroll it.
     */
    public void fitHeight() {
        fitHeight = true;
        viewportBoundsProperty().addListener((o, a, b) -> fitRows());
        fitRows();
    }

    private void fitRows() {
        double height = getViewportBounds().getHeight();
        if (!fitHeight || height <= 0) {
            return;
        }
        int rows = 0;
        int shown = 0;
        double fixed = content.getPadding().getTop() + content.getPadding().getBottom();
        for (javafx.scene.Node n : content.getChildren()) {
            if (n.isManaged()) {
                shown++;
                if (n instanceof PanelGrid g) {
                    rows += g.rows();
                } else {
                    fixed += n.prefHeight(-1);
                }
            }
        }
        if (rows > 0) {
            fixed += content.getSpacing() * Math.max(0, shown - 1);
            double px = Math.max(MIN_FIT_ROW_PX, Math.floor((height - fixed) / rows));
            content.getChildren().forEach(n -> {
                if (n instanceof PanelGrid g) {
                    g.rowPx(px); // collapsed rows too, so they open at the same height
                }
            });
        }
    }

    /** Panel views by panel id (tests, benchmarks). */
    public Map<Integer, PanelView> panelViews() {
        Map<Integer, PanelView> out = new LinkedHashMap<>();
        frames.forEach((id, f) -> {
            if (f.view() != null) {
                out.put(id, f.view());
            }
        });
        return out;
    }

    /** The error shown on a panel, empty when none. */
    public String panelError(int id) {
        PanelFrame f = frames.get(id);
        return f == null ? "" : f.errorText();
    }

    private void build(Dashboard d) {
        frames.clear();
        List<javafx.scene.Node> nodes = new ArrayList<>();
        PanelGrid loose = new PanelGrid();
        for (DashboardPanel p : d.panels()) {
            if (p instanceof RowPanel row) {
                if (!loose.getChildren().isEmpty()) {
                    nodes.add(loose);
                    loose = new PanelGrid();
                }
                PanelGrid grid = new PanelGrid();
                row.panels().forEach(c -> grid.add(frame(c), c.gridPos()));
                Button header = new Button();
                header.getStyleClass().addAll("dashboard-row-header", "flat");
                header.setId("row-" + row.id());
                Runnable label = () -> header.setText((vm.collapsed(row.id()) ? "\u25B6 " : "\u25BC ") + row.title()
                        + (vm.collapsed(row.id()) ? "  (" + row.panels().size() + " panels)" : ""));
                label.run();
                grid.setVisible(!vm.collapsed(row.id()));
                grid.setManaged(grid.isVisible());
                header.setOnAction(e -> {
                    vm.toggleRow(row.id());
                    grid.setVisible(!vm.collapsed(row.id()));
                    grid.setManaged(grid.isVisible());
                    label.run();
                    fitRows();
                });
                nodes.add(header);
                nodes.add(grid);
            } else {
                loose.add(frame(p), p.gridPos());
            }
        }
        if (!loose.getChildren().isEmpty()) {
            nodes.add(loose);
        }
        content.getChildren().setAll(nodes);
        fitRows();
    }

    private PanelFrame frame(DashboardPanel p) {
        PanelFrame f;
        if (p instanceof Panel panel) {
            PanelView view = PanelFactory.create(panel, panelContext);
            f = new PanelFrame(panel.title(), panel.description(), view, stale);
            var state = vm.panel(panel.id());
            // every refresh, even one equal to the last: a panel without queries (the alert list) reads the alert
            // feed each time, and a change listener skips equal states, so it kept its first answer for good
            state.addListener((javafx.beans.InvalidationListener) o -> show(f, state.get()));
            show(f, state.get());
        } else {
            UnsupportedPanel u = (UnsupportedPanel) p;
            f = PanelFrame.unsupported(u.title(), u.reason(), stale);
        }
        f.setId("panel-" + p.id());
        frames.put(p.id(), f);
        return f;
    }

    private void show(PanelFrame f, PanelState s) {
        TimeRange r = range.get();
        f.show(s, r.from().toEpochMilli(), r.to().toEpochMilli());
    }
}
