package io.opsdeck.ui.alerts;

import io.opsdeck.console.AlertEvent;
import io.opsdeck.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The detail pane's "recent history" block: the agent's record of the selected alert, newest first, as plain text
 * (details come from alert text). The heading and the note are built once; only event lines are new per change.
 */
final class DetailHistory {

    private final AlertHistoryModel model;
    private final VBox box = new VBox(4);
    private final Label heading;
    private final Label note = new Label();

    DetailHistory(AlertHistoryModel model, Messages messages) {
        this.model = model;
        box.setId("detail-history");
        heading = heading(messages.get("alerts.history"));
        note.setId("detail-history-note");
        note.setWrapText(true);
        note.getStyleClass().add("placeholder-text");
        model.eventsProperty().addListener((o, a, e) -> show());
        model.eventsNoteProperty().addListener((o, a, e) -> show());
        show();
    }

    Node node() {
        return box;
    }

    void show() {
        List<Node> lines = new ArrayList<>();
        lines.add(heading);
        String text = model.eventsNoteProperty().get();
        if (!text.isEmpty()) {
            note.setText(text);
            lines.add(note);
        }
        for (AlertEvent e : model.eventsProperty().get()) {
            String who = e.actor().isEmpty() ? "" : " · " + e.actor();
            String why = e.details().isEmpty() ? "" : " · " + e.details();
            Label l = new Label(RowText.until(e.at()) + "  " + e.state() + who + why);
            l.setWrapText(true);
            l.getStyleClass().addAll("detail-pair", "history-" + e.state());
            lines.add(l);
        }
        // unchanged lines (the usual case while j moves: heading and the same note) keep their nodes and CSS
        if (!box.getChildren().equals(lines)) {
            box.getChildren().setAll(lines);
        }
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-bold");
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }
}
