package io.opsdeck.dashboard.query;

import io.opsdeck.dashboard.frame.Frame;
import java.util.List;

/**
 * Data of one panel after a refresh. A failing query only affects its own panel: the frame holds the series of
 * the queries that worked and {@code errors} names the others.
 *
 * @param panelId panel
 * @param frame   series of every successful query, named by legendFormat and tagged with their refId
 * @param errors  "A: connection refused" per failed query, empty when all worked
 */
public record PanelResult(int panelId, Frame frame, List<String> errors) {

    public PanelResult {
        errors = List.copyOf(errors);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }
}
