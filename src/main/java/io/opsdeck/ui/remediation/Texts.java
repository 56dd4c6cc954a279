package io.opsdeck.ui.remediation;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;

/** Small builders for the Remediation view: headings, and read-only monospace text (agent output is never markup). */
final class Texts {

    private Texts() {
    }

    static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-bold");
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    /** A read-only, selectable plain-text area (commands and output can be copied). */
    static TextArea area(String id, String text, int rows) {
        TextArea a = new TextArea(text == null ? "" : text);
        a.setId(id);
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.setStyle("-fx-font-family: monospace;");
        return a;
    }
}
