package io.opsdeck.ui.remediation;

import io.opsdeck.console.RemediationRisk;
import io.opsdeck.ui.common.Messages;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** A risk level as icon and word together (never colour alone): low a check, medium a triangle, high and critical an octagon. */
final class RiskText {

    private RiskText() {
    }

    static FontIcon icon(RemediationRisk.Level level) {
        FontIcon icon = new FontIcon(switch (level) {
            case LOW -> Material2AL.CHECK_CIRCLE;
            case MEDIUM -> Material2MZ.WARNING;
            case HIGH -> Material2AL.ERROR;
            case CRITICAL -> Material2MZ.REPORT;
            case UNKNOWN -> Material2AL.HELP;
        });
        icon.getStyleClass().addAll("severity-icon", switch (level) {
            case LOW, UNKNOWN -> "severity-info";
            case MEDIUM -> "severity-warning";
            case HIGH, CRITICAL -> "severity-critical";
        });
        return icon;
    }

    static String word(RemediationRisk.Level level, Messages messages) {
        return messages.get("remediation.risk." + level.id());
    }

    /** "Medium risk" with its icon. */
    static Label label(RemediationRisk risk, Messages messages) {
        Label l = new Label(messages.format("remediation.riskOf", word(risk.level(), messages)), icon(risk.level()));
        l.getStyleClass().add("text-bold");
        return l;
    }
}
