package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.RowGroup;
import io.opsdeck.alerts.Severity;
import io.opsdeck.ui.common.Messages;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A group header (key, counts per severity) or an alert row (severity icon, name, instance, state, age); plain text only. */
final class AlertTreeCell extends TreeCell<Object> {

    static final PseudoClass SUPPRESSED = PseudoClass.getPseudoClass("suppressed");
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    static final PseudoClass ACK_EXPIRING = PseudoClass.getPseudoClass("ack-expiring");
    private final Supplier<Instant> now;
    private final Messages messages;

    AlertTreeCell(Supplier<Instant> now, Messages messages) {
        this.now = now;
        this.messages = messages;
    }

    @Override
    protected void updateItem(Object item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        pseudoClassStateChanged(SUPPRESSED, false);
        pseudoClassStateChanged(STALE, false);
        pseudoClassStateChanged(ACK_EXPIRING, false);
        getStyleClass().removeAll("alert-group", "alert-row");
        if (empty || item == null) {
            setGraphic(null);
            setId(null);
        } else if (item instanceof RowGroup g) {
            getStyleClass().add("alert-group");
            HBox box = new HBox(6);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            String title = RowText.groupTitle(g);
            Label name = new Label(title.isEmpty() ? messages.get("alerts.noValue") : title);
            name.getStyleClass().add("alert-group-name");
            box.getChildren().addAll(name, new Label("(" + g.size() + ")"));
            for (Severity s : Severity.values()) {
                int n = g.count(s);
                if (n > 0) {
                    Label count = new Label(Integer.toString(n));
                    count.setGraphic(RowText.icon(s));
                    count.getStyleClass().add("severity-count");
                    box.getChildren().add(count);
                }
            }
            setGraphic(box);
            setId("group-" + title);
        } else if (item instanceof AlertRow r) {
            getStyleClass().add("alert-row");
            Label name = new Label(r.alertname());
            name.getStyleClass().add("alert-name");
            Label instance = new Label(r.label("instance"));
            instance.getStyleClass().add("alert-instance");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Instant at = now.get();
            Label state = new Label(RowText.state(r, at, messages));
            state.setId("row-state");
            state.getStyleClass().add("alert-state");
            Label age = new Label(RowText.age(r, at));
            age.getStyleClass().add("alert-age");
            HBox box = new HBox(8, RowText.icon(r.severity()), name, instance, gap, state, age);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setGraphic(box);
            setId("row-" + r.alertname() + "-" + r.label("instance"));
            pseudoClassStateChanged(SUPPRESSED, r.state().suppressed());
            pseudoClassStateChanged(STALE, r.stale());
            pseudoClassStateChanged(ACK_EXPIRING, RowText.expiringSoon(r, at));
        }
    }
}
