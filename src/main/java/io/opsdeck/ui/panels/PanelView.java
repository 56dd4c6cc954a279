package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.frame.Frame;
import javafx.scene.Node;

/** One drawn panel. All methods run on the FX thread. */
public interface PanelView {

    Node node();

    /** Shows new data (the panel's transformations already applied). */
    void setData(Frame frame);

    /** The dashboard's visible range in epoch ms; panels without a time axis ignore it. */
    default void setRange(long from, long to) {
    }

    /** Points or cells drawn by the last paint, for tests and benchmarks; 0 when the panel shows no data. */
    long pointsDrawn();

    /** The main value as shown (stat text, first row...), empty when the panel has none. */
    default String valueText() {
        return "";
    }
}
