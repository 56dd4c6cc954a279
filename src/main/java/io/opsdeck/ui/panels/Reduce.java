package io.opsdeck.ui.panels;

import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Reducers;
import io.opsdeck.dashboard.frame.Series;
import java.util.List;
import java.util.Map;

/** The reducer a stat, gauge or bar gauge panel applies ({@code reduceOptions.calcs[0]}, default lastNotNull). */
final class Reduce {

    private Reduce() {
    }

    static String reducer(Panel panel) {
        if (panel.options().get("reduceOptions") instanceof Map<?, ?> m && m.get("calcs") instanceof List<?> l
                && !l.isEmpty()) {
            return String.valueOf(l.get(0));
        }
        return "lastNotNull";
    }

    static double value(Panel panel, Series s) {
        try {
            return Reducers.reduce(reducer(panel), s.values());
        } catch (IllegalArgumentException e) {
            return Reducers.reduce("lastNotNull", s.values());
        }
    }
}
