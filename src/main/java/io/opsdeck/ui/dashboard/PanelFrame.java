package io.opsdeck.ui.dashboard;

import io.opsdeck.ui.panels.PanelView;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The chrome around one panel: title, loading indicator, stale marker, the panel's own error below its content,
 * or the "unsupported: reason" text for placeholders.
 */
final class PanelFrame extends BorderPane {

    private final PanelView view;
    private final Label error = new Label();
    private final javafx.beans.property.BooleanProperty staleState = new javafx.beans.property.SimpleBooleanProperty();
    private final ProgressIndicator spinner = new ProgressIndicator();
    /** How long a refresh of a panel that shows data runs before the spinner says so. */
    static final javafx.util.Duration REFRESH_SPINNER_DELAY = javafx.util.Duration.millis(800);
    // a routine refresh is over well within the delay: no spinner blinking in every panel (a wall) each interval
    private final javafx.animation.PauseTransition spinnerDelay = new javafx.animation.PauseTransition(REFRESH_SPINNER_DELAY);
    private io.opsdeck.dashboard.frame.Frame shown;

    PanelFrame(String title, String description, PanelView view, ObservableValue<Boolean> stale) {
        this.view = view;
        getStyleClass().add("dashboard-panel");
        setPadding(new Insets(4, 6, 6, 6));
        Label name = new Label(title);
        name.getStyleClass().add("panel-title");
        name.setMinWidth(0);
        // the whole title too: a narrow panel cuts it to "Deadlocks (last ho..."
        name.setTooltip(new Tooltip(description.isBlank() ? title : title + "\n" + description));
        spinner.setPrefSize(14, 14);
        spinner.setMaxSize(14, 14);
        spinner.getStyleClass().add("panel-loading");
        // takes the title's room only while it turns
        spinner.managedProperty().bind(spinner.visibleProperty());
        spinnerDelay.setOnFinished(e -> spinner.setVisible(true));
        Label staleMark = new Label("STALE");
        staleMark.getStyleClass().add("stale-marker");
        staleMark.setPadding(new Insets(0, 4, 0, 4));
        staleMark.visibleProperty().bind(stale);
        staleMark.managedProperty().bind(staleMark.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(6, name, grow, staleMark, spinner);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setMinHeight(20);
        setTop(head);
        error.getStyleClass().add("panel-error");
        error.setWrapText(true);
        error.setMaxHeight(48);
        error.setVisible(false);
        error.setManaged(false);
        setBottom(error);
        Node content = view == null ? new Label() : view.node();
        StackPane center = new StackPane(content);
        center.setMinSize(0, 0);
        setCenter(center);
        // Through a bound property: binding listens weakly, so the shell's long-lived flag does not keep old frames.
        staleState.bind(stale);
        staleState.addListener((o, a, b) -> pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("stale"), b));
    }

    /** A placeholder frame for a panel OpsDeck cannot draw. */
    static PanelFrame unsupported(String title, String reason, ObservableValue<Boolean> stale) {
        PanelFrame f = new PanelFrame(title, "", null, stale);
        Label text = new Label("unsupported: " + reason);
        text.setWrapText(true);
        text.getStyleClass().add("panel-unsupported");
        f.setCenter(text);
        f.spinner.setVisible(false);
        return f;
    }

    void show(PanelState s, long from, long to) {
        if (!s.loading()) {
            spinnerDelay.stop();
            spinner.setVisible(false);
        } else if (!s.loaded()) {
            spinner.setVisible(true); // nothing to show yet: say it is coming at once
        } else if (!spinner.isVisible() && spinnerDelay.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            spinnerDelay.playFromStart();
        }
        if (view == null) {
            return;
        }
        view.setRange(from, to);
        if (s.loaded() && (s.frame() != shown || s.frame().series().isEmpty())) {
            shown = s.frame();
            view.setData(s.frame());
        }
        List<String> errors = s.errors();
        error.setText(errors.isEmpty() ? "" : "\u26A0 " + String.join("; ", errors));
        error.setVisible(!errors.isEmpty());
        error.setManaged(!errors.isEmpty());
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), !errors.isEmpty());
    }

    PanelView view() {
        return view;
    }

    String errorText() {
        return error.getText();
    }
}
