package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Bar gauge: one horizontal bar per series, name on the left, value on the right, worst first. */
public final class BarGaugePanel extends CanvasPane implements PanelView {

    private final Panel panel;
    private List<GaugeItem> items = List.of();

    public BarGaugePanel(Panel panel) {
        this.panel = panel;
        getStyleClass().add("bargauge-panel");
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void setData(Frame frame) {
        List<GaugeItem> out = new ArrayList<>();
        FieldDisplay.Range range = FieldDisplay.dataRange(frame);
        for (Series s : frame.series()) {
            out.add(GaugeItem.of(s.name(), Reduce.value(panel, s), FieldDisplay.effective(panel.fieldConfig(), s),
                    range));
        }
        out.sort(Comparator.comparingDouble((GaugeItem i) -> Double.isNaN(i.value()) ? Double.NEGATIVE_INFINITY
                : i.value()).reversed());
        items = out;
        repaint();
    }

    /** What is drawn, in drawing order. */
    List<GaugeItem> items() {
        return items;
    }

    @Override
    public long pointsDrawn() {
        return items.stream().filter(i -> !Double.isNaN(i.value())).count();
    }

    @Override
    public String valueText() {
        return items.isEmpty() ? "" : items.get(0).text();
    }

    /** The value as drawn: the threshold glyph for bad states ("✖ 93 °C"), then the text. */
    static String valueLabel(GaugeItem it) {
        int bad = Palette.badness(it.color());
        return (bad > 0 ? Palette.glyph(bad) + " " : "") + it.text();
    }

    /** Room for the longest drawn value, glyph included (it was left out: "✖ 93 °C" lost its "C"); bold digits. */
    static double valueWidth(List<GaugeItem> items) {
        return 16 + 8.5 * items.stream().mapToInt(i -> valueLabel(i).length()).max().orElse(4);
    }

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        g.setTextBaseline(VPos.CENTER);
        if (items.isEmpty()) {
            g.setFill(Palette.NEUTRAL);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("No data", w / 2, h / 2);
            return;
        }
        double rowH = Math.max(16, Math.min(36, h / items.size()));
        int rows = (int) Math.min(items.size(), Math.floor(h / rowH));
        double nameW = Math.min(w * 0.3, 8 + 6.8 * items.stream().mapToInt(i -> i.name().length()).max().orElse(4));
        double valueW = valueWidth(items);
        double barX = nameW + 6;
        double barW = Math.max(10, w - barX - valueW - 6);
        double fs = Math.max(10, Math.min(14, rowH * 0.5));
        for (int r = 0; r < rows; r++) {
            GaugeItem it = items.get(r);
            double y = r * rowH;
            double cy = y + rowH / 2;
            int bad = Palette.badness(it.color());
            Color c = Palette.named(it.color(), Palette.series(0));
            g.setFont(Font.font("System", fs));
            g.setFill(ChartPainter.AXIS_TEXT);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(it.name(), nameW, cy, nameW);
            g.setFill(Color.web("#80808026"));
            g.fillRect(barX, y + rowH * 0.18, barW, rowH * 0.64);
            g.setFill(c);
            g.fillRect(barX, y + rowH * 0.18, Math.max(it.value() > it.min() ? 2 : 0, barW * it.fraction()),
                    rowH * 0.64);
            g.setFont(Font.font("System", bad >= 2 ? FontWeight.BOLD : FontWeight.NORMAL, fs));
            g.setFill(c);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(valueLabel(it), barX + barW + 6, cy);
        }
        if (rows < items.size()) {
            g.setFill(Palette.NEUTRAL);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("+" + (items.size() - rows) + " more", w - 2, h - 8);
        }
    }
}
