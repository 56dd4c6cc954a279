package io.opsdeck.ui.common;

import javafx.scene.Node;

/**
 * Runs {@code activate} while a node is in a showing window and {@code deactivate} when it leaves, so views
 * subscribe and tick only while shown.
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
        node.sceneProperty().addListener((o, was, scene) -> {
            check.run();
            if (scene != null) {
                scene.windowProperty().addListener((o2, w0, w) -> {
                    check.run();
                    if (w != null) {
                        w.showingProperty().addListener((o3, a, b) -> check.run());
                    }
                });
                if (scene.getWindow() != null) {
                    scene.getWindow().showingProperty().addListener((o3, a, b) -> check.run());
                }
            }
        });
        check.run();
    }
}
