package io.opsdeck.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * ScrollPane's skin caches its viewport as an image. With the software pipeline that image comes from JavaFX's
 * effect image pool and is not handed back when the pane is dropped; the pool keeps it (softly) for ever. Dashboards
 * drop their panes on every wall slide, so the pool grew by megabytes a minute (see "NOC wall soak" in
 * docs/performance.md). Panes inside dashboards turn the cache off.
 */
public final class ScrollPanes {

    private ScrollPanes() {
    }

    /** Turns the viewport cache off as soon as {@code pane} has its skin. */
    public static <T extends ScrollPane> T withoutViewportCache(T pane) {
        pane.skinProperty().addListener((o, a, skin) -> {
            if (pane.lookup(".viewport") instanceof Node viewport) {
                viewport.setCache(false);
            }
        });
        return pane;
    }
}
