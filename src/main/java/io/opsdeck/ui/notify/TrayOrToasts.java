package io.opsdeck.ui.notify;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Notifications go to in-window toasts until the system tray is found, then to the tray. Looking for the tray
 * starts AWT, which costs start-up time, so it happens in the background after the window shows. Where the
 * desktop has no tray, {@code noTray} runs once and the toasts carry on.
 *
 * <pre>{@code
 * TrayOrToasts notifier = new TrayOrToasts(toasts, () -> toasts.show(Severity.INFO, "No tray", "..."));
 * notifier.connect(() -> TrayNotifier.create(messages), tasks.background(), tasks.ui());
 * }</pre>
 */
public final class TrayOrToasts implements DesktopNotifier {

    private final DesktopNotifier toasts;
    private final Runnable noTray;
    private DesktopNotifier current;
    private Map<Severity, Integer> lastCounts = Map.of();
    private boolean closed;

    /** @param noTray says (once) that there is no tray; runs on the UI executor */
    public TrayOrToasts(DesktopNotifier toasts, Runnable noTray) {
        this.toasts = toasts;
        this.noTray = noTray;
        this.current = toasts;
    }

    /** Asks {@code tray} on {@code background}; switches to what it found on {@code ui}. Call once. */
    public void connect(Supplier<? extends Optional<? extends DesktopNotifier>> tray, Executor background, Executor ui) {
        background.execute(() -> {
            Optional<? extends DesktopNotifier> found = tray.get();
            ui.execute(() -> {
                if (found.isEmpty()) {
                    noTray.run();
                } else if (closed) {
                    found.get().close();
                } else {
                    current = found.get();
                    current.counts(lastCounts);
                }
            });
        });
    }

    /** The tray once found, else the toasts. */
    public DesktopNotifier current() {
        return current;
    }

    @Override
    public void counts(Map<Severity, Integer> counts) {
        lastCounts = Map.copyOf(counts);
        current.counts(counts);
    }

    @Override
    public void notify(ActiveAlert alert) {
        current.notify(alert);
    }

    @Override
    public void close() {
        closed = true;
        if (current != toasts) {
            current.close();
        }
        toasts.close();
    }
}
