package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * Host status grid on one canvas: a cell per host, as large as the panel allows (2,000 hosts still fit), worst
 * first; colour and a shape glyph give the state, the host name is written in the cell when it fits and always in
 * the hover tooltip. Cells are squares, widened (up to four times their height) to fill a wide, low panel, so a
 * strip of a few services still has room for their names.
 */
public final class StatusGridPanel extends CanvasPane implements PanelView {

    private final Panel panel;
    private final PanelContext context;
    private final Tooltip tooltip = new Tooltip();
    private Frame frame = Frame.EMPTY;
    private List<HostStatus> cells = List.of();
    private double cellWidth = 10;
    private double cellHeight = 10;
    private int columns = 1;

    public StatusGridPanel(Panel panel, PanelContext context) {
        this.panel = panel;
        this.context = context;
        getStyleClass().add("statusgrid-panel");
        tooltip.setShowDelay(Duration.millis(150));
        Tooltip.install(this, tooltip);
        setOnMouseMoved(e -> {
            HostStatus h = cellAt(e.getX(), e.getY());
            tooltip.setText(h == null ? "" : h.host() + ": " + h.text() + " (" + h.state().name().replace('_', ' ')
                    .toLowerCase(java.util.Locale.ROOT) + (h.alerts() > 0 ? ", " + h.alerts() + " alerts" : "") + ")");
        });
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void setData(Frame newFrame) {
        this.frame = newFrame;
        cells = HostStatus.of(frame, panel.fieldConfig().defaults(), context.alerts().get(), panel.targets());
        repaint();
    }

    /** The cells as last computed (tests). */
    public List<HostStatus> cells() {
        return cells;
    }

    @Override
    public long pointsDrawn() {
        return cells.size();
    }

    @Override
    public String valueText() {
        long down = cells.stream().filter(c -> c.state() == HostStatus.State.DOWN).count();
        return cells.isEmpty() ? "" : (cells.size() - down) + "/" + cells.size() + " up";
    }

    /** The last painted cell's width and height, in pixels (tests). */
    double[] cellSize() {
        return new double[] {cellWidth, cellHeight};
    }

    /** Whether the last paint wrote the host names in the cells (tests). */
    boolean namesShown() {
        return names(cellWidth, cellHeight);
    }

    /** A name needs 44 px of width and 24 of height inside the cell's gap. */
    private static boolean names(double width, double height) {
        return width - gap(height) >= 44 && height - gap(height) >= 24;
    }

    private static double gap(double cell) {
        return cell >= 8 ? 2 : cell >= 4 ? 1 : 0;
    }

    private HostStatus cellAt(double x, double y) {
        int c = (int) (x / cellWidth);
        int r = (int) (y / cellHeight);
        int i = r * columns + c;
        return c < columns && i >= 0 && i < cells.size() ? cells.get(i) : null;
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        int n = cells.size();
        if (n == 0) {
            g.setFill(Palette.NEUTRAL);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("No data", w / 2, h / 2);
            return;
        }
        // the largest square that lets every host fit
        double size = Math.sqrt(w * h / n);
        while (size > 2 && Math.floor(w / size) * Math.floor(h / size) < n) {
            size -= 0.5;
        }
        cellHeight = Math.max(2, Math.min(size, 140));
        columns = Math.max(1, (int) Math.floor(w / cellHeight));
        // widen to fill the panel's width when the cells leave it empty (a few hosts in a wide, low panel)
        cellWidth = Math.max(cellHeight, Math.min(w / Math.min(n, columns), 4 * cellHeight));
        columns = Math.max(1, (int) Math.floor(w / cellWidth));
        double gap = gap(cellHeight);
        double inner = cellHeight - gap;
        double innerWidth = cellWidth - gap;
        boolean names = names(cellWidth, cellHeight);
        boolean glyphs = inner >= 9;
        Font glyphFont = Font.font("System", FontWeight.BOLD, Math.max(7, Math.min(names ? inner * 0.28 : inner * 0.7, 28)));
        Font nameFont = Font.font("System", Math.max(9, Math.min(inner * 0.16, 15)));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < n; i++) {
            HostStatus hs = cells.get(i);
            double x = (i % columns) * cellWidth;
            double y = (i / columns) * cellHeight;
            Color c = Color.web(hs.state().color());
            if (hs.state() == HostStatus.State.NO_DATA) {
                g.setStroke(c);
                g.setLineWidth(1);
                g.strokeRect(x + 0.5, y + 0.5, innerWidth - 1, inner - 1);
            } else {
                g.setFill(c);
                g.fillRect(x, y, innerWidth, inner);
            }
            Color fg = hs.state() == HostStatus.State.NO_DATA ? c : Palette.textOn(c);
            if (glyphs && !hs.state().glyph().isEmpty()) {
                g.setFill(fg);
                g.setFont(glyphFont);
                g.fillText(hs.state().glyph(), x + innerWidth / 2, names ? y + inner * 0.33 : y + inner / 2);
            }
            if (names) {
                g.setFill(fg);
                g.setFont(nameFont);
                g.fillText(hs.host(), x + innerWidth / 2, y + inner * (hs.state().glyph().isEmpty() ? 0.5 : 0.72), innerWidth - 4);
            }
        }
    }
}
