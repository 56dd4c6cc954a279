package io.opsdeck.ui.common;

import io.opsdeck.console.Severity;
import java.util.Locale;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Severities told apart by shape as well as colour: critical is an octagon, warning a triangle, info a circle.
 * Colour comes from the {@code severity-*} style classes in opsdeck.css.
 */
public final class SeverityIcons {

    private SeverityIcons() {
    }

    public static FontIcon icon(Severity severity) {
        FontIcon icon = new FontIcon(switch (severity) {
            case CRITICAL -> Material2MZ.REPORT;
            case WARNING -> Material2MZ.WARNING;
            case INFO -> Material2AL.INFO;
        });
        icon.getStyleClass().addAll("severity-icon", styleClass(severity));
        return icon;
    }

    public static String styleClass(Severity severity) {
        return "severity-" + severity.name().toLowerCase(Locale.ROOT);
    }
}
