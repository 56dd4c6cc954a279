package io.opsdeck.ui.alerts;

import io.opsdeck.alerts.AlertDetail;
import io.opsdeck.alerts.AlertRow;
import io.opsdeck.alerts.Link;
import io.opsdeck.ui.common.BrowserLinks;
import io.opsdeck.ui.common.Messages;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The selected alert: state, every label and annotation as plain text Labels (never markup: they are untrusted),
 * link buttons (only http(s) links open) and the other alerts on the same instance.
 */
final class AlertDetailPane extends ScrollPane {

    private final AlertsViewModel vm;
    private final Messages messages;
    private final Consumer<AlertRow> select;
    private final VBox box = new VBox(6);
    private final VBox history = new VBox(4);

    AlertDetailPane(AlertsViewModel vm, Messages messages, Consumer<AlertRow> select) {
        this.vm = vm;
        this.messages = messages;
        this.select = select;
        setId("alerts-detail");
        setFitToWidth(true);
        box.setPadding(new Insets(10));
        setContent(box);
        history.setId("detail-history");
        vm.history().eventsProperty().addListener((o, a, e) -> showHistory());
        vm.history().eventsNoteProperty().addListener((o, a, e) -> showHistory());
        vm.detailProperty().addListener((o, a, d) -> show(d));
        show(vm.detailProperty().get());
    }

    /** The agent's record of the alert, newest first, as plain text (details come from alert text). */
    private void showHistory() {
        history.getChildren().setAll(heading("alerts.history"));
        String note = vm.history().eventsNoteProperty().get();
        if (!note.isEmpty()) {
            Label l = new Label(note);
            l.setId("detail-history-note");
            l.setWrapText(true);
            l.getStyleClass().add("placeholder-text");
            history.getChildren().add(l);
        }
        for (io.opsdeck.console.AlertEvent e : vm.history().eventsProperty().get()) {
            String who = e.actor().isEmpty() ? "" : " · " + e.actor();
            String why = e.details().isEmpty() ? "" : " · " + e.details();
            Label l = new Label(RowText.until(e.at()) + "  " + e.state() + who + why);
            l.setWrapText(true);
            l.getStyleClass().addAll("detail-pair", "history-" + e.state());
            history.getChildren().add(l);
        }
    }

    private void show(AlertDetail d) {
        box.getChildren().clear();
        if (d == null) {
            Label none = new Label(messages.get("alerts.noSelection"));
            none.getStyleClass().add("placeholder-text");
            box.getChildren().add(none);
            return;
        }
        AlertRow row = d.row();
        Label title = new Label(row.alertname());
        title.setId("detail-title");
        title.getStyleClass().add("title-3");
        title.setGraphic(RowText.icon(row.severity()));
        Label state = new Label(RowText.state(row, vm.now(), messages) + " · " + messages.format("alerts.cluster", row.cluster()));
        state.setId("detail-state");
        state.setWrapText(true);
        box.getChildren().addAll(title, state, links(d));
        box.getChildren().add(heading("alerts.labels"));
        d.labels().forEach((k, v) -> box.getChildren().add(pair(k, v)));
        box.getChildren().add(heading("alerts.annotations"));
        for (Map.Entry<String, String> e : d.annotations().entrySet()) {
            Link link = d.annotationLinks().get(e.getKey());
            if (link == null) {
                box.getChildren().add(pair(e.getKey(), e.getValue()));
            } else {
                // only http(s) values get a button; the value itself stays plain text
                Button open = linkButton(null, messages.get("alerts.openLink"), Optional.of(link));
                open.getStyleClass().add("small");
                javafx.scene.layout.HBox linked = new javafx.scene.layout.HBox(6, open, pair(e.getKey(), e.getValue()));
                box.getChildren().add(linked);
            }
        }
        if (!d.sameInstance().isEmpty()) {
            box.getChildren().add(heading("alerts.sameInstance"));
            FlowPane others = new FlowPane(6, 6);
            for (AlertRow other : d.sameInstance()) {
                Button b = new Button(other.alertname());
                b.setMnemonicParsing(false);
                b.setGraphic(RowText.icon(other.severity()));
                b.setOnAction(e -> select.accept(other));
                others.getChildren().add(b);
            }
            box.getChildren().add(others);
        }
        showHistory();
        box.getChildren().add(history);
    }

    private FlowPane links(AlertDetail d) {
        FlowPane links = new FlowPane(6, 6);
        links.getChildren().addAll(
                linkButton("detail-runbook", messages.get("alerts.runbook"), d.runbook()),
                linkButton("detail-expression", messages.get("alerts.expression"), d.generator()));
        Button dashboard = new Button(messages.get("alerts.dashboard"));
        dashboard.setId("detail-dashboard");
        dashboard.setDisable(d.dashboard().isEmpty());
        d.dashboard().ifPresent(ref -> dashboard.setTooltip(new Tooltip(ref.dashboardId())));
        dashboard.setOnAction(e -> d.dashboard().ifPresent(ref -> vm.openDashboard(ref)));
        links.getChildren().add(dashboard);
        if (vm.canRemediate()) {
            Button remediate = new Button(messages.get("alerts.remediate"));
            remediate.setId("detail-remediate");
            remediate.setOnAction(e -> vm.remediate(d.row()));
            links.getChildren().add(remediate);
        }
        return links;
    }

    private Button linkButton(String id, String text, Optional<Link> link) {
        Button b = new Button(text);
        b.setId(id);
        Optional<String> url = link.flatMap(Link::webUrl);
        b.setDisable(url.isEmpty());
        link.ifPresent(l -> b.setTooltip(new Tooltip(url.orElse(l.note() == null ? l.text() : l.note()))));
        b.setOnAction(e -> url.ifPresent(BrowserLinks::open));
        return b;
    }

    private Label heading(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("text-bold");
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    private static Label pair(String name, String value) {
        Label l = new Label(name + ": " + value);
        l.setWrapText(true);
        l.getStyleClass().add("detail-pair");
        return l;
    }
}
