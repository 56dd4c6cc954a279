package io.opsdeck.ui.notify;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.Messages;
import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A system-tray icon whose tooltip carries the counts by severity, and tray balloons for new alerts. What the icon
 * shows and its menu come from a {@link TrayMenu} (tested without a tray); this class only draws it with AWT, on
 * AWT's own event thread via {@link java.awt.EventQueue#invokeLater}.
 */
public final class TrayNotifier implements DesktopNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(TrayNotifier.class);
    private final TrayIcon icon;
    private final TrayMenu menu;
    private volatile ActiveAlert last;
    private volatile java.util.function.Consumer<ActiveAlert> onOpen = a -> { };
    /** AWT thread only: the menu's items by id, once built. */
    private final Map<String, MenuItem> shown = new HashMap<>();

    private TrayNotifier(TrayIcon icon, TrayMenu menu) {
        this.icon = icon;
        this.menu = menu;
        menu.onChange(this::redraw);
    }

    /** A tray notifier, or empty when this desktop has no system tray (or AWT is headless). */
    public static Optional<TrayNotifier> create(Messages messages) {
        try {
            if (java.awt.GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                return Optional.empty();
            }
            TrayIcon icon = new TrayIcon(image(TrayMenu.Level.UNKNOWN), messages.get("app.title"));
            icon.setImageAutoSize(true);
            SystemTray.getSystemTray().add(icon);
            return Optional.of(new TrayNotifier(icon, new TrayMenu(messages, javafx.application.Platform::runLater)));
        } catch (AWTException | UnsupportedOperationException | SecurityException e) {
            LOG.info("System tray refused the icon: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void counts(Map<Severity, Integer> counts) {
        menu.counts(counts);
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
        menu.bindMute(mutedProperty);
    }

    /** Copies the model's state now and applies it on AWT's thread. */
    private void redraw() {
        String tip = menu.tooltip();
        TrayMenu.Level level = menu.level();
        List<TrayMenu.Item> items = menu.items();
        java.awt.EventQueue.invokeLater(() -> {
            icon.setToolTip(tip);
            icon.setImage(image(level));
            if (!items.isEmpty() && icon.getPopupMenu() == null) {
                PopupMenu popup = new PopupMenu();
                items.forEach(i -> popup.add(menuItem(i)));
                icon.setPopupMenu(popup);
            }
            for (TrayMenu.Item i : items) {
                MenuItem m = shown.get(i.id());
                if (m != null) {
                    m.setLabel(i.label());
                    if (m instanceof CheckboxMenuItem c) {
                        c.setState(i.checked());
                    }
                }
            }
        });
    }

    private MenuItem menuItem(TrayMenu.Item item) {
        MenuItem m;
        if (item.checkable()) {
            CheckboxMenuItem c = new CheckboxMenuItem(item.label(), item.checked());
            c.addItemListener(e -> menu.select(item.id(), c.getState()));
            m = c;
        } else {
            m = new MenuItem(item.label());
            m.addActionListener(e -> menu.select(item.id(), true));
        }
        shown.put(item.id(), m);
        return m;
    }

    @Override
    public void notify(ActiveAlert alert) {
        last = alert;
        TrayIcon.MessageType type = switch (alert.severity()) {
            case CRITICAL -> TrayIcon.MessageType.ERROR;
            case WARNING -> TrayIcon.MessageType.WARNING;
            case INFO -> TrayIcon.MessageType.INFO;
        };
        String title = alert.alertname() + (alert.subject().isEmpty() ? "" : " · " + alert.subject());
        java.awt.EventQueue.invokeLater(() -> icon.displayMessage(title, alert.summary(), type));
    }

    @Override
    public void close() {
        java.awt.EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }

    private static BufferedImage image(TrayMenu.Level level) {
        Color colour = switch (level) {
            case UNKNOWN -> Color.GRAY;
            case CLEAR -> new Color(0x30, 0xa0, 0x50);
            case WARNING -> new Color(0xe0, 0xa0, 0x00);
            case CRITICAL -> new Color(0xd0, 0x20, 0x20);
        };
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(colour);
        g.fillOval(1, 1, 14, 14);
        g.dispose();
        return img;
    }
}
