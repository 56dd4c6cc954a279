package io.opsdeck.ui.shell;

import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.SnapshotExporter;
import io.opsdeck.ui.notify.AlertNotifications;
import io.opsdeck.ui.notify.ToastNotifier;
import io.opsdeck.ui.theme.ThemeManager;
import java.io.File;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's layout: top bar (role, time range, refresh, quick-open, export, counts), navigation,
 * the current section, the status bar, and the quick-open, help and toast layers. Binds to view models only.
 */
public final class ShellView extends StackPane {

    private final ShellViewModel vm;
    private final Messages messages;
    private final Map<Section, Node> views = new EnumMap<>(Section.class);
    private final Map<Section, Supplier<Node>> sectionViews;
    private final StackPane content = new StackPane();
    private final QuickOpenViewModel quickOpenVm;
    /** Made on first use (Ctrl+K, F1): their skins and CSS would otherwise be built before the first paint. */
    private QuickOpenOverlay quickOpen;
    private HelpOverlay help;
    private final DashboardArea dashboards;
    private final SnapshotExporter exporter;
    private final ToastNotifier toasts;
    private final AlertNotifications alerts;

    public ShellView(ShellViewModel vm, QuickOpenViewModel quickOpenVm, AlertNotifications alerts, DashboardRenderer renderer,
                     RefreshService refresh, Supplier<Node> settingsView, ThemeManager themes, SnapshotExporter exporter, ToastNotifier toasts,
                     Clock clock, Messages messages) {
        this(vm, quickOpenVm, alerts, renderer, refresh, settingsView, themes, exporter, toasts, clock, messages, Map.of());
    }

    /**
     * @param sectionViews views for sections built elsewhere (e.g. Alerts and Silences when there are live services),
     *                     made on first visit; sections without one show their placeholder
     */
    public ShellView(ShellViewModel vm, QuickOpenViewModel quickOpenVm, AlertNotifications alerts, DashboardRenderer renderer,
                     RefreshService refresh, Supplier<Node> settingsView, ThemeManager themes, SnapshotExporter exporter, ToastNotifier toasts,
                     Clock clock, Messages messages, Map<Section, Supplier<Node>> sectionViews) {
        this.vm = vm;
        this.sectionViews = Map.copyOf(sectionViews);
        this.messages = messages;
        this.exporter = exporter;
        this.toasts = toasts;
        this.alerts = alerts;
        setId("shell");
        dashboards = new DashboardArea(vm, renderer, refresh, messages);
        views.put(Section.DASHBOARDS, dashboards);
        for (Section s : Section.values()) {
            if (s != Section.DASHBOARDS && s != Section.SETTINGS && !sectionViews.containsKey(s)) {
                views.put(s, new PlaceholderView(s, messages));
            }
        }
        this.quickOpenVm = quickOpenVm;

        BorderPane main = new BorderPane();
        main.setTop(new TopBar(vm, alerts, themes, clock, messages, () -> quickOpen().show(), () -> help().show(),
                this::exportPng, this::copyToClipboard));
        main.setLeft(navigation());
        main.setCenter(content);
        StatusBar statusBar = new StatusBar(vm.status(), messages);
        statusBar.getChildren().addFirst(new io.opsdeck.ui.notify.MutedIndicator(alerts.mutedProperty(), messages));
        main.setBottom(statusBar);
        StackPane.setAlignment(toasts.node(), Pos.BOTTOM_RIGHT);
        // above the status bar, not over it: a source marked STALE there stays readable while a toast shows
        statusBar.heightProperty().addListener((o, a, h) -> StackPane.setMargin(toasts.node(),
                new javafx.geometry.Insets(0, 0, h.doubleValue(), 0)));
        getChildren().addAll(main, toasts.node());

        vm.sectionProperty().addListener((o, a, s) -> show(s, settingsView));
        show(vm.sectionProperty().get(), settingsView);
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);

        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.status().tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        io.opsdeck.ui.common.Activation.whileShowing(this, () -> {
            vm.status().activate();
            alerts.activate();
            ticker.play();
        }, () -> {
            ticker.stop();
            alerts.deactivate();
            vm.status().deactivate();
        });
    }

    private void show(Section s, Supplier<Node> settingsView) {
        Node view = views.computeIfAbsent(s, k -> sectionViews.getOrDefault(k, settingsView).get());
        // a view parked hidden here (the Alerts view, warmed up) stays until it is shown itself, and is shown where
        // it is: taken out and put back, all its styles would be worked out again
        if (view.getParent() != content) {
            content.getChildren().add(view); // first: a parked view alone in the area counts as shown
        }
        content.getChildren().removeIf(n -> n != view && !io.opsdeck.ui.common.Parking.isParked(n));
    }

    /** Where the sections' views are shown (one at a time), for a view built ahead of its first showing. */
    public javafx.scene.layout.Pane contentArea() {
        return content;
    }

    private Node navigation() {
        ListView<Section> nav = new ListView<>();
        nav.setId("navigation");
        nav.getStyleClass().add("nav-list");
        nav.getItems().setAll(Section.values());
        nav.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Section s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : messages.get(s.labelKey()));
                setGraphic(empty || s == null ? null : new FontIcon(s.icon()));
                setId(empty || s == null ? null : "nav-" + s.name().toLowerCase(Locale.ROOT));
            }
        });
        nav.getSelectionModel().select(vm.sectionProperty().get());
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.sectionProperty().set(s);
            }
        });
        vm.sectionProperty().addListener((o, a, s) -> nav.getSelectionModel().select(s));
        return nav;
    }

    private static final KeyCombination QUICK_OPEN = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination EXPORT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination MUTE = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private void shortcut(KeyEvent e) {
        if (QUICK_OPEN.match(e)) {
            quickOpen().show();
        } else if (e.getCode() == KeyCode.F1 || ("?".equals(e.getText()) && !(e.getTarget() instanceof javafx.scene.control.TextInputControl))) {
            help().show();
        } else if (EXPORT.match(e)) {
            exportPng();
        } else if (MUTE.match(e)) {
            alerts.mutedProperty().set(!alerts.mutedProperty().get());
        } else if (COPY.match(e)) {
            copyToClipboard();
        } else if (e.isShortcutDown() && !e.isShiftDown() && e.getCode().isDigitKey()) {
            int n = e.getCode().getCode() - KeyCode.DIGIT1.getCode();
            if (n >= 0 && n < Section.values().length) {
                vm.sectionProperty().set(Section.values()[n]);
            } else {
                return;
            }
        } else {
            return;
        }
        e.consume();
    }

    private QuickOpenOverlay quickOpen() {
        if (quickOpen == null) {
            quickOpen = new QuickOpenOverlay(quickOpenVm, messages, this::open);
            getChildren().add(quickOpen);
        }
        return quickOpen;
    }

    private HelpOverlay help() {
        if (help == null) {
            help = new HelpOverlay(messages);
            getChildren().add(help);
        }
        return help;
    }

    /** Opens what a quick-open item names. Alert text reaches the UI only as plain label text. */
    private void open(QuickOpenItem item) {
        switch (item.kind()) {
            case DASHBOARD -> vm.openDashboard(item.target());
            case HOST -> {
                vm.sectionProperty().set(Section.DASHBOARDS);
                vm.selectVariable("instance", item.target());
            }
            case ALERT -> vm.sectionProperty().set(Section.ALERTS);
        }
    }

    private void exportPng() {
        vm.sectionProperty().set(Section.DASHBOARDS);
        var image = exporter.snapshot(dashboards.exportable());
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("toolbar.exportPng"));
        String id = vm.dashboardProperty().get() == null ? "dashboard" : vm.dashboardProperty().get().id();
        chooser.setInitialFileName(id + ".png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            exporter.writePng(image, file.toPath(),
                    p -> toasts.show(Severity.INFO, messages.get("export.done"), p.toString()),
                    err -> toasts.show(Severity.WARNING, messages.get("export.failed"), String.valueOf(err.getMessage())));
        }
    }

    private void copyToClipboard() {
        vm.sectionProperty().set(Section.DASHBOARDS);
        exporter.copy(exporter.snapshot(dashboards.exportable()));
        toasts.show(Severity.INFO, messages.get("export.copied"), "");
    }
}
