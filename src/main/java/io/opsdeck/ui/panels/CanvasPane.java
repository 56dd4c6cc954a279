package io.opsdeck.ui.panels;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/** A region holding one canvas that follows its size; repaints on resize and on {@link #repaint()} only. */
abstract class CanvasPane extends Region {

    protected final Canvas canvas = new Canvas();

    CanvasPane() {
        getChildren().add(canvas);
        setMinSize(20, 20);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        }
    }

    final void repaint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            paint(g, canvas.getWidth(), canvas.getHeight());
        }
    }

    protected abstract void paint(GraphicsContext g, double w, double h);
}
