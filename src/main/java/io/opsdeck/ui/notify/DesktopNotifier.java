package io.opsdeck.ui.notify;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Severity;
import java.util.Map;

/**
 * Where notifications about new alerts go: the system tray where the desktop has one, in-window toasts where
 * not. Called on the FX thread. Alert text is untrusted: implementations show it as plain text only.
 */
public interface DesktopNotifier extends AutoCloseable {

    /** Current counts of unacknowledged alerts by severity (tray tooltip or nothing). */
    void counts(Map<Severity, Integer> counts);

    /** One new alert the role asked to hear about. */
    void notify(ActiveAlert alert);

    @Override
    void close();
}
