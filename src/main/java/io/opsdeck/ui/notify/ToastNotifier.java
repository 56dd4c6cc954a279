package io.opsdeck.ui.notify;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.SeverityIcons;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** In-window toasts in a corner of the main window: plain labels, close button, gone after a while. */
public final class ToastNotifier implements DesktopNotifier {

    private static final int MAX = 4;
    private final VBox stack = new VBox();
    private final Messages messages;
    private final Duration lifetime;
    private java.util.function.Consumer<ActiveAlert> onOpen = a -> { };

    public ToastNotifier(Messages messages, Duration lifetime) {
        this.messages = messages;
        this.lifetime = lifetime;
        stack.getStyleClass().add("toast-stack");
        stack.setId("toasts");
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        stack.setPickOnBounds(false);
        stack.setMaxWidth(440);
        stack.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    /** The node to lay over the main window's content. */
    public VBox node() {
        return stack;
    }

    @Override
    public void counts(Map<Severity, Integer> counts) {
        // The top bar shows counts in the window already.
    }

    /** What a click on an alert's toast does (open the alert); the toast goes away. */
    public void onOpen(java.util.function.Consumer<ActiveAlert> open) {
        this.onOpen = java.util.Objects.requireNonNull(open);
    }

    @Override
    public void notify(ActiveAlert alert) {
        HBox toast = show(alert.severity(), alert.alertname() + (alert.subject().isEmpty() ? "" : " · " + alert.subject()),
                alert.summary());
        toast.getStyleClass().add("toast-clickable");
        toast.setOnMouseClicked(e -> {
            stack.getChildren().remove(toast);
            onOpen.accept(alert);
        });
    }

    /** Shows a toast with plain-text title and body; returns it. */
    public HBox show(Severity severity, String title, String body) {
        Label t = new Label(title);
        t.setStyle("-fx-font-weight: bold;");
        t.setWrapText(true);
        Label b = new Label(body);
        b.setWrapText(true);
        Button close = new Button(messages.get("toast.close"));
        close.getStyleClass().add("flat");
        // a long body wraps beside it; the button keeps its word (it shrank to "..." under two lines of text)
        close.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox text = new VBox(4, t, b);
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        HBox toast = new HBox(SeverityIcons.icon(severity), text, close);
        toast.getStyleClass().addAll("toast", SeverityIcons.styleClass(severity));
        toast.setMaxWidth(420);
        close.setOnAction(e -> stack.getChildren().remove(toast));
        close.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, javafx.scene.input.MouseEvent::consume);
        stack.getChildren().add(toast);
        while (stack.getChildren().size() > MAX) {
            stack.getChildren().removeFirst();
        }
        PauseTransition later = new PauseTransition(lifetime);
        later.setOnFinished(e -> stack.getChildren().remove(toast));
        later.play();
        return toast;
    }

    @Override
    public void close() {
        stack.getChildren().clear();
    }
}
