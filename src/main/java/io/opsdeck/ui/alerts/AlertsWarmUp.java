package io.opsdeck.ui.alerts;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.css.PseudoClass;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Builds, styles and lays out a view before the operator first opens it, one step per pulse, parked hidden in the
 * window it will be shown in (under the scene's root, unmanaged and invisible: an {@link AlertsView} does not
 * activate while hidden, so no refresh, no ticker). When the shell then puts it in its place, its controls already
 * have their skins, the JVM has loaded and run their code, and the scene's CSS caches know its styles: on a cold JVM
 * the Alerts view's first frame and its first 100,000-row layout otherwise pay for all that while the operator
 * waits. A scene of its own (no window) was tried first: moving the view into the window then worked out every style
 * again (the style caches are per scene root). The console starts it after its first dashboard paint. FX thread only.
 *
 * <pre>{@code
 * AlertsWarmUp warm = AlertsWarmUp.start(workspaces::alertsView, mainScene);
 * stage.setOnHidden(e -> warm.cancel());
 * }</pre>
 */
public final class AlertsWarmUp {

    private final Supplier<? extends Parent> views;
    private final Scene like;
    private final AnimationTimer pulses;
    /** Unmanaged and invisible under the scene's root: where the throwaway controls and then the view are styled. */
    private final StackPane parking = new StackPane();
    private Parent view;
    private boolean parked;
    private int step;
    private boolean finished;

    private AlertsWarmUp(Supplier<? extends Parent> views, Scene like) {
        this.views = Objects.requireNonNull(views, "views");
        this.like = Objects.requireNonNull(like, "like");
        this.pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                next();
            }
        };
        parking.setManaged(false);
        parking.setVisible(false);
        parking.setMouseTransparent(true);
        parking.getStyleClass().add("warm-up");
    }

    /**
     * Starts warming the view {@code views} gives (asked once, after the throwaway controls) in {@code like}, the
     * scene it will be shown in; its root must be a {@link Pane} (the console's shell is). Nothing is done otherwise.
     */
    public static AlertsWarmUp start(Supplier<? extends Parent> views, Scene like) {
        AlertsWarmUp w = new AlertsWarmUp(views, like);
        if (like.getRoot() instanceof Pane) {
            w.pulses.start();
        } else {
            w.finished = true;
        }
        return w;
    }

    /** Stops (the console closes); a view being warmed is let go by its scene. Safe to call more than once. */
    public void cancel() {
        finish();
    }

    /** Whether every step has run, or it was cancelled, or the view was shown before. */
    public boolean done() {
        return finished;
    }

    /** Steps run so far (for tests). */
    int steps() {
        return step;
    }

    /**
     * One step per pulse, each one part of the cold cost. Styling the whole view at once took 98 ms of the FX
     * thread in one pulse (295 classes loaded, mostly interpreted code; JFR, load 10), building it 33 ms and its
     * first layout 33 ms: so the kinds of controls it is made of are styled first, one throwaway each per pulse (their
     * classes, skins and CSS code then loaded and run once), and only then the view itself.
     */
    private void next() {
        if (finished) {
            return;
        }
        if (parked && view.getParent() != parking) {
            finish(); // the operator opened it meanwhile: the shell took it, the window's pulses take over
            return;
        }
        int at = step++;
        if (at == 0) {
            parking.resize(like.getWidth(), like.getHeight());
            ((Pane) like.getRoot()).getChildren().add(parking);
        } else if (at <= KINDS.size()) {
            style(KINDS.get(at - 1).get());
        } else if (at == KINDS.size() + 1) {
            view = views.get(); // the nodes
            if (view.getParent() != null) {
                finish(); // already shown
            }
        } else if (at == KINDS.size() + 2) {
            if (view instanceof AlertsView a) {
                a.parked(true); // hidden: it must not fetch or tick
            }
            parking.getChildren().setAll(view);
            parked = true;
            parking.applyCss(); // styles and skins of every control, the code now warm
        } else {
            parking.layout(); // sizes: the list now has a height and makes its ready cells, one per pulse
            view.parentProperty().addListener(new javafx.beans.InvalidationListener() {
                @Override
                public void invalidated(javafx.beans.Observable o) {
                    view.parentProperty().removeListener(this);
                    unpark();
                }
            });
            finished = true;
            pulses.stop();
        }
    }

    /** What the Alerts view is made of, one of each kind. */
    private static final List<Supplier<Node>> KINDS = List.of(
            () -> {
                Label l = new Label("critical", new FontIcon(Material2AL.ERROR));
                l.getStyleClass().add("alert-name");
                return new HBox(8, l, new Label("web-1"));
            },
            () -> {
                TextField f = new TextField();
                f.setPromptText("severity=\"critical\"");
                return f;
            },
            () -> new ChoiceBox<>(FXCollections.observableArrayList("alertname", "instance")),
            () -> new Button("Silence", new FontIcon(Material2AL.ALARM_OFF)),
            () -> {
                Label empty = new Label("No alerts");
                empty.getStyleClass().add("placeholder-text");
                ListView<Object> l = new ListView<>();
                l.setPlaceholder(empty);
                return l;
            },
            () -> new SplitPane(new StackPane(), new StackPane()),
            () -> new ScrollPane(new VBox(4, new Label("Labels"), new FlowPane(4, 4, new Label("a"), new Label("b")))));

    /** Styles and lays out a throwaway node in the scene no window shows. */
    private void style(Node n) {
        parking.getChildren().setAll(n);
        parking.applyCss();
        parking.layout();
    }

    private void finish() {
        finished = true;
        pulses.stop();
        if (view != null && view.getParent() == parking) {
            parking.getChildren().clear();
        }
        unpark();
    }

    /** The view left the parking (shown, or let go): it may activate again; the parking leaves the scene. */
    private void unpark() {
        if (view instanceof AlertsView a) {
            a.parked(false);
        }
        // later: this runs while the shell's list change takes the view out of the parking's children
        javafx.application.Platform.runLater(() -> {
            if (parking.getParent() instanceof Pane p) {
                parking.getChildren().clear();
                p.getChildren().remove(parking);
            }
        });
    }
}
