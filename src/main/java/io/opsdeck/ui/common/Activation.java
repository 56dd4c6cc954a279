package io.opsdeck.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Runs {@code activate} while a node is in a showing window and {@code deactivate} when it leaves, so views
 * subscribe and tick only while shown. Listeners on the scene and window are moved as the node moves, so a node
 * that left its window is not kept alive by it (a wall window lives for days and renders a node per slide).
 */
public final class Activation {

    private Activation() {
    }

    public static void whileShowing(Node node, Runnable activate, Runnable deactivate) {
        boolean[] active = {false};
        Runnable check = () -> {
            boolean showing = node.getScene() != null && node.getScene().getWindow() != null
                    && node.getScene().getWindow().isShowing();
            if (showing && !active[0]) {
                active[0] = true;
                activate.run();
            } else if (!showing && active[0]) {
                active[0] = false;
                deactivate.run();
            }
        };
        InvalidationListener showingChanged = o -> check.run();
        ChangeListener<Window> windowChanged = (o, was, window) -> {
            if (was != null) {
                was.showingProperty().removeListener(showingChanged);
            }
            if (window != null) {
                window.showingProperty().addListener(showingChanged);
            }
            check.run();
        };
        ChangeListener<Scene> sceneChanged = (o, was, scene) -> {
            if (was != null) {
                was.windowProperty().removeListener(windowChanged);
                if (was.getWindow() != null) {
                    was.getWindow().showingProperty().removeListener(showingChanged);
                }
            }
            if (scene != null) {
                scene.windowProperty().addListener(windowChanged);
                if (scene.getWindow() != null) {
                    scene.getWindow().showingProperty().addListener(showingChanged);
                }
            }
            check.run();
        };
        node.sceneProperty().addListener(sceneChanged);
        sceneChanged.changed(node.sceneProperty(), null, node.getScene());
    }
}
