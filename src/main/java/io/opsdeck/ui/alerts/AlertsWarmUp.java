package io.opsdeck.ui.alerts;

import io.opsdeck.ui.common.Parking;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
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
 * very pane that will show it (the shell's content area: unmanaged, invisible, mouse transparent; an
 * {@link AlertsView} does not activate while parked, so no refresh, no ticker). When the shell then shows it by
 * removing the other content (and not by re-adding it: a node that changes parent or scene has every style worked
 * out again), its controls already have their skins and styles, its size, and the JVM has loaded and run their
 * code: on a cold JVM the Alerts view's first frame and its first 100,000-row layout otherwise pay for all that
 * while the operator waits. The parked view is marked ({@link Parking}) so that the shell keeps it there while it
 * shows other sections. The console starts it after its first dashboard paint. FX thread only.
 *
 * <pre>{@code
 * AlertsWarmUp warm = AlertsWarmUp.start(workspaces::alertsView, shell.contentArea());
 * stage.setOnHidden(e -> warm.cancel());
 * }</pre>
 */
public final class AlertsWarmUp {

    private final Supplier<? extends Parent> views;
    private final Pane area;
    private final AnimationTimer pulses;
    /** Unmanaged and invisible in the area: where the throwaway controls are styled. */
    private final StackPane scratch = new StackPane();
    private final InvalidationListener areaChanged = o -> areaChanged();
    private Parent view;
    private int step;
    private boolean finished;
    /** For the one log line that says how long its steps held the FX thread (the start-up bench reads logs too). */
    private final long started = System.nanoTime();
    private long longest;
    private boolean logged;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AlertsWarmUp.class);

    private AlertsWarmUp(Supplier<? extends Parent> views, Pane area) {
        this.views = Objects.requireNonNull(views, "views");
        this.area = Objects.requireNonNull(area, "area");
        this.pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t0 = System.nanoTime();
                next();
                longest = Math.max(longest, System.nanoTime() - t0);
                if (finished && parked() && !logged) { // not when the view was shown before it could be parked
                    logged = true;
                    LOG.info("Alerts view warmed up: {} steps, the longest {} ms, {} ms after the start", step,
                            longest / 1_000_000, (System.nanoTime() - started) / 1_000_000);
                }
            }
        };
        hide(scratch, true);
    }

    /** Starts warming the view {@code views} gives (asked once, after the throwaway controls) in {@code area}. */
    public static AlertsWarmUp start(Supplier<? extends Parent> views, Pane area) {
        AlertsWarmUp w = new AlertsWarmUp(views, area);
        w.pulses.start();
        return w;
    }

    /** Stops (the console closes); a parked view leaves the area. Safe to call more than once. */
    public void cancel() {
        if (parked() && view.getParent() == area) {
            area.getChildren().remove(view); // unparks it (areaChanged)
        }
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
        int at = step++;
        if (at == 0) {
            scratch.resize(area.getWidth(), area.getHeight());
            area.getChildren().add(scratch);
        } else if (at <= KINDS.size()) {
            style(KINDS.get(at - 1).get());
        } else if (at == KINDS.size() + 1) {
            area.getChildren().remove(scratch);
            scratch.getChildren().clear();
            view = views.get(); // the nodes
            if (view.getParent() != null) {
                finish(); // already shown
            }
        } else if (at == KINDS.size() + 2) {
            if (view instanceof AlertsView a) {
                a.parked(true); // hidden: it must not fetch or tick
                a.takePartsOut(); // styled part by part, one per pulse
            }
            hide(view, true);
            view.resize(area.getWidth(), area.getHeight());
            Parking.park(view, true); // the shell keeps it while it shows other sections
            area.getChildren().add(view);
            area.getChildren().addListener(areaChanged);
            view.applyCss(); // styles and skins of every control, the code now warm
        } else if (view instanceof AlertsView a && a.restorePart()) {
            view.applyCss(); // only the part put back is new
        } else {
            view.layout(); // sizes: the list now has a height and makes its ready cells, one per pulse
            finished = true;
            pulses.stop();
        }
    }

    /** Whether the view is parked hidden in the area: built, and neither shown nor let go since. */
    private boolean parked() {
        return view != null && Parking.isParked(view);
    }

    /** The shell showed the view (the rest of the area removed) or let it go; another section shown beside it keeps it. */
    private void areaChanged() {
        boolean shown = view.getParent() == area && area.getChildren().size() == 1;
        if (shown || view.getParent() != area) {
            area.getChildren().removeListener(areaChanged);
            Parking.park(view, false);
            hide(view, false);
            if (view instanceof AlertsView a) {
                while (a.restorePart()) {
                    // shown or let go before every part was back: all of it, now
                }
                a.parked(false);
            }
            finish();
        }
    }

    private static void hide(Node n, boolean hidden) {
        n.setManaged(!hidden);
        n.setVisible(!hidden);
        n.setMouseTransparent(hidden);
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
            () -> new ScrollBar(),
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
        scratch.getChildren().setAll(n);
        scratch.applyCss();
        scratch.layout();
    }

    private void finish() {
        finished = true;
        pulses.stop();
        if (scratch.getParent() == area) {
            area.getChildren().remove(scratch);
        }
    }
}
