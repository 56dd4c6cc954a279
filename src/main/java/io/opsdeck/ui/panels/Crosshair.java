package io.opsdeck.ui.panels;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The hovered time shared by every time series panel of one dashboard: each draws a vertical line there; only the
 * hovered panel shows the tooltip. {@link Long#MIN_VALUE} means nothing is hovered.
 */
public final class Crosshair {

    public static final long NONE = Long.MIN_VALUE;
    private final LongProperty time = new SimpleLongProperty(NONE);
    private final ObjectProperty<Object> owner = new SimpleObjectProperty<>();

    public LongProperty timeProperty() {
        return time;
    }

    /** The chart the pointer is over, null when none. */
    public ObjectProperty<Object> ownerProperty() {
        return owner;
    }

    public void hover(Object chart, long t) {
        owner.set(chart);
        time.set(t);
    }

    public void clear(Object chart) {
        if (owner.get() == chart) {
            owner.set(null);
            time.set(NONE);
        }
    }
}
