package io.opsdeck.ui.panels;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Severity;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * Alert list: current alerts from the console's feed, filtered and ordered by Grafana's alert list options
 * ({@code stateFilter}, {@code sortOrder}, {@code alertName}, {@code alertInstanceLabelFilter}, {@code maxItems}) and
 * OpsDeck's {@code severity} and {@code state}, as {@link AlertListOptions} reads them; a malformed filter is named
 * in the empty list. Alert text is untrusted: plain labels only.
 */
public final class AlertListPanel implements PanelView {

    private final PanelContext context;
    private final ListView<ActiveAlert> list = new ListView<>();
    private final AlertListOptions options;

    public AlertListPanel(Panel panel, PanelContext context) {
        this.context = context;
        AlertListOptions read;
        String problem = null;
        try {
            read = AlertListOptions.of(panel.options());
        } catch (IllegalArgumentException e) {
            // a malformed filter shows nothing rather than every alert, and says why in the panel
            read = new AlertListOptions(a -> false, java.util.Comparator.comparing(ActiveAlert::fingerprint), 0);
            problem = e.getMessage();
        }
        this.options = read;
        list.getStyleClass().add("alertlist-panel");
        list.setPlaceholder(new Label(problem == null ? "No alerts" : problem));
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
        list.getItems().setAll(options.apply(context.alerts().get()));
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
