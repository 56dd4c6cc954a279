package io.opsdeck.ui.notify;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.Messages;
import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A system-tray icon whose tooltip carries the counts by severity, and tray balloons for new alerts.
 * AWT calls are made on AWT's own event thread via {@link java.awt.EventQueue#invokeLater}.
 */
public final class TrayNotifier implements DesktopNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(TrayNotifier.class);
    private final TrayIcon icon;
    private final Messages messages;
    private volatile ActiveAlert last;
    private volatile java.util.function.Consumer<ActiveAlert> onOpen = a -> { };
    private volatile boolean muted;
    private volatile String countsTip = "";

    private TrayNotifier(TrayIcon icon, Messages messages) {
        this.icon = icon;
        this.messages = messages;
    }

    /** A tray notifier, or empty when this desktop has no system tray (or AWT is headless). */
    public static Optional<TrayNotifier> create(Messages messages) {
        try {
            if (java.awt.GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                return Optional.empty();
            }
            TrayIcon icon = new TrayIcon(image(Color.GRAY), messages.get("app.title"));
            icon.setImageAutoSize(true);
            SystemTray.getSystemTray().add(icon);
            return Optional.of(new TrayNotifier(icon, messages));
        } catch (AWTException | UnsupportedOperationException | SecurityException e) {
            LOG.info("System tray refused the icon: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void counts(Map<Severity, Integer> counts) {
        int crit = counts.getOrDefault(Severity.CRITICAL, 0);
        int warn = counts.getOrDefault(Severity.WARNING, 0);
        int info = counts.getOrDefault(Severity.INFO, 0);
        countsTip = messages.format("tray.counts", crit, warn, info);
        String tip = tip();
        Color colour = crit > 0 ? new Color(0xd0, 0x20, 0x20) : warn > 0 ? new Color(0xe0, 0xa0, 0x00) : new Color(0x30, 0xa0, 0x50);
        java.awt.EventQueue.invokeLater(() -> {
            icon.setToolTip(tip);
            icon.setImage(image(colour));
        });
    }

    /** What clicking the icon or its message does with the latest alert (opens it); runs on the FX thread. */
    public void onOpen(java.util.function.Consumer<ActiveAlert> open) {
        this.onOpen = java.util.Objects.requireNonNull(open);
        icon.addActionListener(e -> {
            ActiveAlert a = last;
            if (a != null) {
                javafx.application.Platform.runLater(() -> onOpen.accept(a));
            }
        });
    }

    /**
     * A "Mute sounds" check item in the icon's menu, kept in step with {@code muted} both ways, and the tooltip
     * saying when sounds are muted. Call on the FX thread.
     */
    public void muteItem(javafx.beans.property.BooleanProperty mutedProperty) {
        muted = mutedProperty.get();
        AtomicReference<CheckboxMenuItem> item = new AtomicReference<>();
        mutedProperty.addListener((o, a, m) -> {
            muted = m;
            String tip = tip();
            java.awt.EventQueue.invokeLater(() -> {
                if (item.get() != null) {
                    item.get().setState(m);
                }
                icon.setToolTip(tip);
            });
        });
        boolean initial = muted;
        java.awt.EventQueue.invokeLater(() -> {
            CheckboxMenuItem mute = new CheckboxMenuItem(messages.get("notifyPrefs.tray.mute"), initial);
            mute.addItemListener(e -> {
                boolean on = mute.getState();
                javafx.application.Platform.runLater(() -> mutedProperty.set(on));
            });
            java.awt.PopupMenu menu = new java.awt.PopupMenu();
            menu.add(mute);
            icon.setPopupMenu(menu);
            item.set(mute);
            icon.setToolTip(tip());
        });
    }

    private String tip() {
        String base = countsTip.isEmpty() ? messages.get("app.title") : countsTip;
        return muted ? base + " " + messages.get("notifyPrefs.tray.mutedTip") : base;
    }

    @Override
    public void notify(ActiveAlert alert) {
        last = alert;
        TrayIcon.MessageType type = switch (alert.severity()) {
            case CRITICAL -> TrayIcon.MessageType.ERROR;
            case WARNING -> TrayIcon.MessageType.WARNING;
            case INFO -> TrayIcon.MessageType.INFO;
        };
        String title = alert.alertname() + (alert.instance().isEmpty() ? "" : " · " + alert.instance());
        java.awt.EventQueue.invokeLater(() -> icon.displayMessage(title, alert.summary(), type));
    }

    @Override
    public void close() {
        java.awt.EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }

    private static BufferedImage image(Color colour) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(colour);
        g.fillOval(1, 1, 14, 14);
        g.dispose();
        return img;
    }
}
