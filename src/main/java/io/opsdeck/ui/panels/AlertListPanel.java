package io.opsdeck.ui.panels;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Severity;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * Alert list: current alerts from the console's feed, filtered by {@code options.severity}, {@code options.state}
 * (firing = not acknowledged) and Grafana's {@code alertName} (part of the name, any case), worst and oldest first, at
 * most Grafana's {@code maxItems}. Alert text is untrusted: plain labels only.
 */
public final class AlertListPanel implements PanelView {

    private final Panel panel;
    private final PanelContext context;
    private final ListView<ActiveAlert> list = new ListView<>();

    public AlertListPanel(Panel panel, PanelContext context) {
        this.panel = panel;
        this.context = context;
        list.getStyleClass().add("alertlist-panel");
        list.setPlaceholder(new Label("No alerts"));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ActiveAlert a, boolean empty) {
                super.updateItem(a, empty);
                if (empty || a == null) {
                    setText(null);
                    return;
                }
                setText(line(a, Instant.now()));
                setStyle("-fx-font-weight: " + (a.severity() == Severity.CRITICAL ? "bold" : "normal"));
            }
        });
    }

    static String line(ActiveAlert a, Instant now) {
        String mark = switch (a.severity()) {
            case CRITICAL -> "\u2716 CRIT";
            case WARNING -> "\u25B2 WARN";
            case INFO -> "\u25CF INFO";
        };
        Duration age = Duration.between(a.startsAt(), now);
        String ageText = age.toHours() > 0 ? age.toHours() + "h" : Math.max(0, age.toMinutes()) + "m";
        return mark + "  " + a.alertname() + (a.instance().isEmpty() ? "" : " on " + a.instance())
                + (a.unacknowledged() ? "" : " (ack)") + "  " + ageText + (a.summary().isEmpty() ? "" : "\n   " + a.summary());
    }

    @Override
    public Node node() {
        return list;
    }

    @Override
    public void setData(Frame frame) {
        String severity = String.valueOf(panel.options().getOrDefault("severity", "")).toLowerCase(Locale.ROOT);
        boolean firingOnly = "firing".equals(String.valueOf(panel.options().get("state")));
        // Grafana's alert list options: alertName (contained in the name, any case) and maxItems
        String name = String.valueOf(panel.options().getOrDefault("alertName", "")).toLowerCase(Locale.ROOT);
        long max = panel.options().get("maxItems") instanceof Number n && n.longValue() > 0 ? n.longValue()
                : Long.MAX_VALUE;
        List<ActiveAlert> shown = context.alerts().get().stream()
                .filter(a -> severity.isEmpty() || a.severity() == Severity.parse(severity))
                .filter(a -> !firingOnly || a.unacknowledged())
                .filter(a -> name.isEmpty() || a.alertname().toLowerCase(Locale.ROOT).contains(name))
                .sorted(Comparator.comparing(ActiveAlert::severity).thenComparing(ActiveAlert::startsAt))
                .limit(max)
                .toList();
        list.getItems().setAll(shown);
    }

    @Override
    public long pointsDrawn() {
        return list.getItems().size();
    }

    @Override
    public String valueText() {
        return list.getItems().size() + " alerts";
    }
}
