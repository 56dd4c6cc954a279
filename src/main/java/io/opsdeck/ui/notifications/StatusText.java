package io.opsdeck.ui.notifications;

import io.opsdeck.ui.common.Messages;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** A notification status in words and as an icon told apart by shape (a dead letter is never just a colour). */
final class StatusText {

    private StatusText() {
    }

    static String of(String status, Messages messages) {
        return switch (status) {
            case "" -> messages.get("notifications.status.any");
            case "pending" -> messages.get("notifications.status.pending");
            case "delivering" -> messages.get("notifications.status.delivering");
            case "delivered" -> messages.get("notifications.status.delivered");
            case "dead" -> messages.get("notifications.status.dead");
            case "suppressed" -> messages.get("notifications.status.suppressed");
            case "held" -> messages.get("notifications.status.held");
            default -> status;
        };
    }

    static FontIcon icon(String status) {
        Ikon ikon = switch (status) {
            case "delivered" -> Material2AL.CHECK_CIRCLE;
            case "dead" -> Material2AL.ERROR;
            case "pending" -> Material2MZ.SCHEDULE;
            case "delivering" -> Material2MZ.SEND;
            case "suppressed" -> Material2MZ.NOTIFICATIONS_OFF;
            case "held" -> Material2MZ.PAUSE_CIRCLE_OUTLINE;
            default -> Material2AL.HELP_OUTLINE;
        };
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().addAll("notification-status-icon", "notification-" + (status.isEmpty() ? "unknown" : status));
        return icon;
    }
}
