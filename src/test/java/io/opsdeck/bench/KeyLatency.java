package io.opsdeck.bench;

import io.opsdeck.alerts.AlertView;
import io.opsdeck.alerts.Filter;
import io.opsdeck.alerts.FilterState;
import io.opsdeck.ui.alerts.AlertsViewModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.InvalidationListener;

/**
 * Time from a filter keystroke to the Alerts list showing a view of that filter or of a later one (views are
 * computed in the background and keystrokes arriving meanwhile coalesce, so a later view serves earlier keys).
 * Stamped on the FX thread when the view model's view changes: the list swaps its lines in the same change, and
 * the next pulse draws them. Keystrokes that leave the applied filter as it was (a broken filter, a space) update
 * nothing and are counted apart. FX thread only.
 */
final class KeyLatency {

    private final AlertsViewModel vm;
    private final List<Long> sentAt = new ArrayList<>();
    private final List<Filter> filters = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();
    // invalidation, as the view's own listeners: a change listener would add an equals of old and new view per view
    private final InvalidationListener listener = o -> shown(vmView());
    private FilterState state;
    private Filter previous;
    private int served;
    private int unchanged;

    KeyLatency(AlertsViewModel vm) {
        this.vm = vm;
        this.state = FilterState.initial().edit(vm.filterTextProperty().get());
        this.previous = state.applied();
        vm.viewProperty().addListener(listener);
    }

    /** Call just before the keystroke's text is set; works out its applied filter as the view model does. */
    void sent(String text) {
        sentAt.add(System.nanoTime());
        state = state.edit(text);
        Filter f = state.applied();
        if (f.equals(previous)) {
            unchanged++;
            filters.add(null); // this key changed nothing: no view will come for it
        } else {
            previous = f;
            filters.add(f);
        }
    }

    private void shown(AlertView v) {
        long now = System.nanoTime();
        int last = -1;
        for (int i = filters.size() - 1; i >= served; i--) {
            if (v.filter().equals(filters.get(i))) {
                last = i;
                break;
            }
        }
        for (int i = served; i <= last; i++) {
            if (filters.get(i) != null) {
                latencies.add(now - sentAt.get(i));
            }
        }
        served = Math.max(served, last + 1);
    }

    private AlertView vmView() {
        return vm.viewProperty().get();
    }

    Void stop() {
        vm.viewProperty().removeListener(listener);
        return null;
    }

    @Override
    public String toString() {
        long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (l.length == 0) {
            return "no view shown";
        }
        return String.format("%d keys that changed the filter, p50 %.1f ms, p95 %.1f ms, max %.1f ms, over 100 ms: %d"
                        + " (%d keys changed nothing)", l.length, Timings.pct(l, 50) / 1e6, Timings.pct(l, 95) / 1e6,
                l[l.length - 1] / 1e6, Arrays.stream(l).filter(x -> x > 100_000_000L).count(), unchanged);
    }
}
