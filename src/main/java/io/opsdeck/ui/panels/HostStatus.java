package io.opsdeck.ui.panels;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Severity;
import io.opsdeck.dashboard.FieldDefaults;
import io.opsdeck.dashboard.Target;
import io.opsdeck.dashboard.frame.FieldDisplay;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.frame.Reducers;
import io.opsdeck.dashboard.frame.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One cell of the host status grid and how it is worked out: a host is DOWN when its last value is 0 (or its
 * mapping colour is red), else its state is its worst current alert. Pure logic, tested without the toolkit.
 *
 * @param host     host name (the series name, usually {{instance}})
 * @param state    what the cell shows
 * @param text     the mapped value ("UP", "DOWN") for the tooltip
 * @param alerts   number of current alerts on the host
 */
public record HostStatus(String host, State state, String text, int alerts) {

    /** Cell states, worst first. Each has its own colour AND shape. */
    public enum State {
        /** Down: red with a cross. */
        DOWN("#C4162A", "\u2716"),
        /** Up with a critical alert: red-orange with a triangle. */
        CRITICAL("#FA6400", "\u25B2"),
        /** Up with a warning: yellow with a diamond. */
        WARNING("#F2CC0C", "\u25C6"),
        /** Up with only info alerts: blue with a dot. */
        INFO("#5794F2", "\u25CF"),
        /** Up, nothing firing: green, plain. */
        OK("#56A64B", ""),
        /** No value: grey, hollow. */
        NO_DATA("#6E6E6E", "\u25CB");

        private final String color;
        private final String glyph;

        State(String color, String glyph) {
            this.color = color;
            this.glyph = glyph;
        }

        public String color() {
            return color;
        }

        public String glyph() {
            return glyph;
        }
    }

    /**
     * As {@link #of(Frame, FieldDefaults, List)}, plus a no-data cell for each query with a fixed legend that
     * returned nothing (a service grid's "Alertmanager" when nobody scrapes it): the cell stays, named, in the
     * mapping of no value (e.g. MISSING), instead of vanishing so that nobody notices.
     */
    public static List<HostStatus> of(Frame frame, FieldDefaults field, List<ActiveAlert> alerts, List<Target> targets) {
        Set<String> answered = new HashSet<>();
        frame.series().forEach(s -> answered.add(s.refId()));
        List<Series> all = new ArrayList<>(frame.series());
        for (Target t : targets) {
            String legend = t.legendFormat().strip();
            if (!t.hidden() && !answered.contains(t.refId()) && !legend.isEmpty() && !legend.contains("{{")
                    && !legend.contains("$")) {
                all.add(new Series(legend, Map.of(), t.refId(), new long[0], new double[0]));
            }
        }
        return of(new Frame(all), field, alerts);
    }

    /** Cells in series order; alerts are matched to hosts by their instance label. */
    public static List<HostStatus> of(Frame frame, FieldDefaults field, List<ActiveAlert> alerts) {
        Map<String, Severity> worst = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (ActiveAlert a : alerts) {
            if (a.instance().isEmpty()) {
                continue;
            }
            worst.merge(a.instance(), a.severity(), (x, y) -> x.ordinal() <= y.ordinal() ? x : y);
            counts.merge(a.instance(), 1, Integer::sum);
        }
        List<HostStatus> out = new ArrayList<>(frame.series().size());
        FieldDisplay.Range range = FieldDisplay.dataRange(frame);
        for (Series s : frame.series()) {
            String host = s.name().isEmpty() ? s.labels().getOrDefault("instance", Series.defaultName(s.labels()))
                    : s.name();
            double v = Reducers.reduce("lastNotNull", s.values());
            FieldDisplay.Display d = FieldDisplay.display(field, v, range);
            State state;
            if (Double.isNaN(v)) {
                state = State.NO_DATA;
            } else if (v == 0 || Palette.badness(d.color()) == 3) {
                state = State.DOWN;
            } else {
                Severity sev = worst.get(host);
                state = sev == null ? State.OK : switch (sev) {
                    case CRITICAL -> State.CRITICAL;
                    case WARNING -> State.WARNING;
                    case INFO -> State.INFO;
                };
            }
            out.add(new HostStatus(host, state, d.text(), counts.getOrDefault(host, 0)));
        }
        // worst first, so a failing host is at the top-left where the eye starts
        out.sort(java.util.Comparator.comparing(HostStatus::state).thenComparing(HostStatus::host));
        return out;
    }
}
