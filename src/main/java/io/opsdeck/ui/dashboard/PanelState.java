package io.opsdeck.ui.dashboard;

import io.opsdeck.dashboard.frame.Frame;
import java.util.List;

/**
 * What one panel shows right now.
 *
 * @param frame   data after the panel's transformations (empty before the first answer)
 * @param errors  this panel's failed queries ("A: connection refused"); other panels are unaffected
 * @param loading a refresh for it is running
 * @param loaded  at least one answer arrived
 */
public record PanelState(Frame frame, List<String> errors, boolean loading, boolean loaded) {

    public static final PanelState INITIAL = new PanelState(Frame.EMPTY, List.of(), true, false);

    public PanelState {
        errors = List.copyOf(errors);
    }

    PanelState withLoading(boolean on) {
        return new PanelState(frame, errors, on, loaded);
    }
}
