package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.Thresholds;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Series;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Gauge: a 240-degree arc per series with the threshold band outside and the value inside. */
public final class GaugePanel extends CanvasPane implements PanelView {

    private final Panel panel;
    private List<GaugeItem> items = List.of();

    public GaugePanel(Panel panel) {
        this.panel = panel;
        getStyleClass().add("gauge-panel");
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

    @Override
    protected void paint(GraphicsContext g, double w, double h) {
        if (items.isEmpty()) {
            g.setFill(Palette.NEUTRAL);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("No data", w / 2, h / 2);
            return;
        }
        int n = Math.min(items.size(), 8);
        double cw = w / n;
        for (int i = 0; i < n; i++) {
            drawGauge(g, items.get(i), i * cw, 0, cw, h, items.size() > 1);
        }
    }

    private static void drawGauge(GraphicsContext g, GaugeItem item, double x, double y, double w, double h,
                                  boolean showName) {
        double nameH = showName ? 16 : 0;
        double size = Math.min(w - 8, (h - nameH - 4) * 1.25);
        double r = size / 2;
        double cx = x + w / 2;
        double cy = y + nameH + 4 + r;
        double thick = Math.max(4, r * 0.18);
        double band = Math.max(2, thick * 0.3);
        Thresholds t = item.steps();
        if (t != null && !t.steps().isEmpty()) {
            g.setLineCap(StrokeLineCap.BUTT);
            g.setLineWidth(band);
            for (int i = 0; i < t.steps().size(); i++) {
                double a = Math.max(item.min(), t.steps().get(i).value());
                double b = i + 1 < t.steps().size() ? Math.min(item.max(), t.steps().get(i + 1).value()) : item.max();
                if (b <= a) {
                    continue;
                }
                double fa = (a - item.min()) / (item.max() - item.min());
                double fb = (b - item.min()) / (item.max() - item.min());
                g.setStroke(Palette.named(t.steps().get(i).color(), Palette.NEUTRAL));
                g.strokeArc(cx - r + band / 2, cy - r + band / 2, 2 * r - band, 2 * r - band, 210 - fb * 240,
                        (fb - fa) * 240, ArcType.OPEN);
            }
        }
        double ir = r - band - 2 - thick / 2;
        g.setLineWidth(thick);
        g.setStroke(Color.web("#80808033"));
        g.strokeArc(cx - ir, cy - ir, 2 * ir, 2 * ir, -30, 240, ArcType.OPEN);
        Color c = Palette.named(item.color(), Palette.series(0));
        g.setStroke(c);
        double f = item.fraction();
        g.strokeArc(cx - ir, cy - ir, 2 * ir, 2 * ir, 210 - f * 240, f * 240, ArcType.OPEN);
        int bad = Palette.badness(item.color());
        String text = (bad > 0 ? Palette.glyph(bad) + " " : "") + item.text();
        double fs = Math.max(10, Math.min(ir * 0.55, (2 * ir - thick) / Math.max(3, text.length() * 0.6)));
        g.setFont(Font.font("System", bad >= 2 ? FontWeight.BOLD : FontWeight.SEMI_BOLD, fs));
        g.setFill(c);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, cx, cy);
        if (showName) {
            g.setFont(Font.font("System", 11));
            g.setFill(Color.web("#A0A4AB"));
            g.setTextBaseline(VPos.TOP);
            g.fillText(item.name(), cx, y + 2, w - 4);
        }
    }
}
