package io.opsdeck.ui.common;

import javafx.scene.Node;

/**
 * Marks a view parked hidden in an area it will be shown in later (the Alerts view, warmed up after the first
 * paint). The area's owner keeps a parked node while it shows other views there: taking it out and putting it back
 * would work out all its styles again, the cost the parking was for.
 */
public final class Parking {

    private static final Object KEY = Parking.class;

    private Parking() {
    }

    public static void park(Node node, boolean parked) {
        if (parked) {
            node.getProperties().put(KEY, Boolean.TRUE);
        } else {
            node.getProperties().remove(KEY);
        }
    }

    public static boolean isParked(Node node) {
        return node.getProperties().containsKey(KEY);
    }
}
