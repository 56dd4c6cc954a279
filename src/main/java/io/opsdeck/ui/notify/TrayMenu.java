package io.opsdeck.ui.notify;

import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.Messages;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;

/**
 * What the tray icon shows and offers, without AWT: its tooltip, its colour (the worst severity with unacknowledged
 * alerts) and its menu's items with their labels, check states and actions. {@link TrayNotifier} draws it with
 * AWT's {@code SystemTray}; tests use it directly, since neither Monocle nor Xvfb has a tray.
 *
 * <pre>{@code
 * TrayMenu menu = new TrayMenu(messages, Platform::runLater);
 * menu.bindMute(alerts.mutedProperty());          // FX thread
 * menu.onChange(() -> redraw(menu.tooltip(), menu.items()));
 * menu.select(TrayMenu.MUTE, true);               // from the tray's menu, any thread
 * }</pre>
 */
public final class TrayMenu {

    /** Id of the "Mute alert sounds" check item. */
    public static final String MUTE = "mute";

    /** One menu entry as the tray shows it. */
    public record Item(String id, String label, boolean checkable, boolean checked) { }

    /** The icon's colour: no counts yet, none critical or warning, or the worst severity unacknowledged. */
    public enum Level { UNKNOWN, CLEAR, WARNING, CRITICAL }

    private final Messages messages;
    private final Executor fx;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile BooleanProperty muted;
    private volatile boolean mutedNow;
    private volatile String countsTip = "";
    private volatile Level level = Level.UNKNOWN;

    /** @param fx where menu actions change console state (the FX thread; {@code Platform::runLater}) */
    public TrayMenu(Messages messages, Executor fx) {
        this.messages = Objects.requireNonNull(messages);
        this.fx = Objects.requireNonNull(fx);
    }

    /** The counts of unacknowledged alerts by severity: the tooltip and the colour follow them. */
    public void counts(Map<Severity, Integer> counts) {
        int crit = counts.getOrDefault(Severity.CRITICAL, 0);
        int warn = counts.getOrDefault(Severity.WARNING, 0);
        int info = counts.getOrDefault(Severity.INFO, 0);
        countsTip = messages.format("tray.counts", crit, warn, info);
        level = crit > 0 ? Level.CRITICAL : warn > 0 ? Level.WARNING : Level.CLEAR;
        changed();
    }

    /**
     * Adds the "Mute alert sounds" check item, kept in step with {@code mutedProperty} both ways, and makes the
     * tooltip say when sounds are muted. Call once, on the FX thread.
     */
    public void bindMute(BooleanProperty mutedProperty) {
        muted = Objects.requireNonNull(mutedProperty);
        mutedNow = mutedProperty.get();
        mutedProperty.addListener((o, was, now) -> {
            mutedNow = now;
            changed();
        });
        changed();
    }

    /** The menu's items, in order (empty until {@link #bindMute}). */
    public List<Item> items() {
        return muted == null ? List.of() : List.of(new Item(MUTE, messages.get("notifyPrefs.tray.mute"), true, mutedNow));
    }

    /** The person chose {@code id} in the tray's menu ({@code checked}: a check item's new state); any thread. */
    public void select(String id, boolean checked) {
        BooleanProperty target = muted;
        if (MUTE.equals(id) && target != null) {
            fx.execute(() -> target.set(checked));
        }
    }

    /** The icon's tooltip: the counts (or the app's name before any), and whether sounds are muted. */
    public String tooltip() {
        String base = countsTip.isEmpty() ? messages.get("app.title") : countsTip;
        return mutedNow ? base + " " + messages.get("notifyPrefs.tray.mutedTip") : base;
    }

    public Level level() {
        return level;
    }

    /** Runs {@code redraw} (on the thread that made the change) whenever the tooltip, colour or items change. */
    public void onChange(Runnable redraw) {
        listeners.add(Objects.requireNonNull(redraw));
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
