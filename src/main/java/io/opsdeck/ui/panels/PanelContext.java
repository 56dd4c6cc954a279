package io.opsdeck.ui.panels;

import io.opsdeck.console.ActiveAlert;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What panels of one dashboard share.
 *
 * @param crosshair     hovered time across the dashboard's time series panels
 * @param zone          for time axis labels
 * @param onRangeChange drag-zoom and pan report the new absolute range here
 * @param openLink      opens an http(s) link from a text panel in the browser
 * @param alerts        current alerts for alert list and status grid panels; called on the FX thread, must not block
 */
public record PanelContext(Crosshair crosshair, ZoneId zone, BiConsumer<Instant, Instant> onRangeChange,
                           Consumer<String> openLink, Supplier<List<ActiveAlert>> alerts) {

    /** For tests and benchmarks: no callbacks, no alerts. */
    public static PanelContext standalone() {
        return new PanelContext(new Crosshair(), ZoneId.systemDefault(), (a, b) -> { }, s -> { }, List::of);
    }
}
