package io.opsdeck.ui;

import io.opsdeck.console.ConsoleServices;
import io.opsdeck.console.Playlist;
import io.opsdeck.console.PlaylistLoader;
import io.opsdeck.ui.alerts.AlertsServices;
import io.opsdeck.ui.alerts.AlertsWorkspaces;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.SnapshotExporter;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.notify.AlertNotifications;
import io.opsdeck.ui.notify.DesktopNotifier;
import io.opsdeck.ui.notify.NotificationChoices;
import io.opsdeck.ui.notify.SoundOutput;
import io.opsdeck.ui.notify.SoundPlayer;
import io.opsdeck.ui.notify.ToastNotifier;
import io.opsdeck.ui.notify.TrayNotifier;
import io.opsdeck.ui.remediation.RemediateDialog;
import io.opsdeck.ui.remediation.RemediationView;
import io.opsdeck.ui.remediation.RemediationViewModel;
import io.opsdeck.ui.notify.TrayOrToasts;
import io.opsdeck.ui.settings.NotificationSettingsView;
import io.opsdeck.ui.settings.SettingsView;
import io.opsdeck.ui.settings.SettingsViewModel;
import io.opsdeck.ui.shell.DashboardRenderer;
import io.opsdeck.ui.shell.PlaceholderRenderer;
import io.opsdeck.ui.shell.QuickOpenViewModel;
import io.opsdeck.ui.shell.RefreshService;
import io.opsdeck.ui.shell.Section;
import io.opsdeck.ui.shell.ShellView;
import io.opsdeck.ui.shell.ShellViewModel;
import io.opsdeck.ui.shell.StatusViewModel;
import io.opsdeck.ui.theme.ThemeChoice;
import io.opsdeck.ui.theme.ThemeManager;
import io.opsdeck.ui.wall.WallWindows;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's composition root: builds every view model and view from one {@link ConsoleServices} bundle,
 * on the FX thread. Nothing here is static; tests build it with a same-thread task runner or a real one.
 *
 * <pre>{@code
 * ConsoleApp app = new ConsoleApp(services, options, tasks, () -> exit.complete(0));
 * app.start(new Stage());
 * }</pre>
 */
public final class ConsoleApp {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    private final ConsoleServices services;
    private final ConsoleOptions options;
    private final TaskRunner tasks;
    private final Runnable onExit;
    private final Messages messages = Messages.english();
    private DashboardRenderer renderer;
    private ThemeManager themes;
    private ShellViewModel shell;
    private WallWindows wall;
    private DesktopNotifier notifier;
    private Stage stage;
    private AlertsServices alertsServices;
    /** Warms the Alerts view up after the first paint; cancelled when the window closes. */
    private io.opsdeck.ui.alerts.AlertsWarmUp alertsWarmUp;
    private AlertsWorkspaces workspaces;
    private RemediationViewModel remediation;
    private NotificationChoices choices;
    private SoundOutput sound;
    private java.util.concurrent.CompletionStage<?> probesAfter = java.util.concurrent.CompletableFuture.completedFuture(null);

    /** @param onExit runs once when the operator closes the window or leaves wall mode */
    public ConsoleApp(ConsoleServices services, ConsoleOptions options, TaskRunner tasks, Runnable onExit) {
        this.services = services;
        this.options = options;
        this.tasks = tasks;
        this.onExit = onExit;
    }

    /** Replaces the placeholder with the dashboards UI's renderer; call before {@link #start}. */
    public ConsoleApp renderer(DashboardRenderer renderer) {
        this.renderer = renderer;
        return this;
    }

    /** Where alert sounds go instead of the speakers (tests record them); call before {@link #start}. */
    public ConsoleApp sound(SoundOutput output) {
        this.sound = output;
        return this;
    }

    /**
     * The OS keyring and system-tray probes (a {@code secret-tool} process, the AWT toolkit) wait for {@code signal},
     * e.g. the first dashboard painted, instead of starting as soon as the window shows: on a two-core machine
     * they competed with the first paint. Default: right after the window shows. Call before {@link #start}.
     */
    public ConsoleApp probesAfter(java.util.concurrent.CompletionStage<?> signal) {
        this.probesAfter = java.util.Objects.requireNonNull(signal, "signal");
        return this;
    }

    /** The notification choices per role and the mute (built with the main window). */
    public NotificationChoices notificationChoices() {
        return choices;
    }

    /** Shows the Alerts and Silences workspaces over these services (null: they say no Alertmanager is configured). */
    public ConsoleApp alerts(AlertsServices alertsServices) {
        this.alertsServices = alertsServices;
        return this;
    }

    /** The Alerts and Silences workspaces, when {@link #alerts} was given. */
    public java.util.Optional<AlertsWorkspaces> alertWorkspaces() {
        return java.util.Optional.ofNullable(workspaces);
    }

    /** Opens the main window on {@code primary}, or the wall windows. Playlist errors are thrown before any window opens. */
    public void start(Stage primary) throws IOException {
        if (renderer == null) {
            renderer = new PlaceholderRenderer(messages);
        }
        ThemeChoice fallback = options.wall() ? ThemeChoice.CONTRAST : ThemeChoice.LIGHT;
        ThemeChoice theme = ThemeChoice.parse(options.theme())
                .or(() -> options.wall() ? java.util.Optional.empty() : services.preferences().theme().flatMap(ThemeChoice::parse))
                .orElse(fallback);
        themes = new ThemeManager(theme);
        StatusViewModel status = new StatusViewModel(services.sourceHealth(), services.clock(), tasks.ui(), messages);
        shell = new ShellViewModel(services, tasks, status, options.role());
        if (options.wall()) {
            startWall();
        } else {
            startWindow(primary);
        }
    }

    private void startWindow(Stage primary) {
        this.stage = primary;
        ToastNotifier toasts = new ToastNotifier(messages, Duration.seconds(12));
        TrayOrToasts trayOrToasts = new TrayOrToasts(toasts, () -> {
            LOG.info("No system tray on this desktop; notifications appear in the window");
            toasts.show(io.opsdeck.console.Severity.INFO, messages.get("tray.noneTitle"), messages.get("tray.none"));
        });
        notifier = trayOrToasts;
        SoundOutput sound = this.sound != null ? this.sound : new SoundPlayer();
        choices = new NotificationChoices(services.roles().roles(), shell.roleProperty().get(), services.preferences(),
                tasks);
        // Settings edits the current role's choices unless the operator picks another role there
        shell.roleProperty().addListener((o, a, r) -> choices.roleProperty().set(r));
        AlertNotifications alerts = new AlertNotifications(services.alerts(), services.agentNotifications(), shell.roleProperty(),
                notifier, sound, tasks, choices);
        SettingsViewModel settings = new SettingsViewModel(services.sourceSettings(), services.connectionTester(),
                services.secretStore(), tasks, messages);
        RefreshService refresh = new RefreshService(shell.refreshProperty(), services.clock(), tasks.background());
        java.util.Map<Section, java.util.function.Supplier<javafx.scene.Node>> sections = new java.util.EnumMap<>(Section.class);
        if (alertsServices != null) {
            workspaces = new AlertsWorkspaces(alertsServices, tasks, messages, ref -> {
                shell.openDashboard(ref.dashboardId());
                ref.variables().forEach(shell::selectVariable);
            });
            // The role's default filter applies to the Alerts workspace unless the operator typed one for that role.
            AlertsWorkspaces ws = workspaces;
            shell.roleProperty().addListener((o, a, r) -> ws.alertsModel().applyRole(r.name(), r.defaultFilter()));
            ws.alertsModel().applyRole(shell.roleProperty().get().name(), shell.roleProperty().get().defaultFilter());
            // the list follows the top bar's counts: a changed feed snapshot refreshes it while it is shown
            services.alerts().subscribe(s -> tasks.ui().execute(ws.alertsModel()::refresh));
            sections.put(Section.ALERTS, workspaces::alertsView);
            sections.put(Section.SILENCES, workspaces::silencesView);
        }
        remediation = new RemediationViewModel(services.remediation(), tasks, messages, services.clock());
        sections.put(Section.REMEDIATION, () -> new RemediationView(remediation, messages));
        if (workspaces != null && remediation.available()) {
            workspaces.alertsModel().onRemediate(row -> new RemediateDialog(remediation, messages, stage, row.fingerprint(),
                    row.alertname()).show());
        }
        sections.put(Section.NOTIFICATIONS, () -> new io.opsdeck.ui.notifications.NotificationsView(
                new io.opsdeck.ui.notifications.NotificationsViewModel(services.history().notifications(), tasks,
                        services.clock(), messages), messages));
        java.util.function.Supplier<javafx.scene.Node> settingsView = () -> new SettingsView(settings, messages,
                new NotificationSettingsView(choices, s -> tasks.submit("play " + s.id(), () -> sound.play(s)), messages));
        ShellView view = new ShellView(shell, new QuickOpenViewModel(services), alerts, renderer, refresh,
                settingsView, themes, new SnapshotExporter(tasks), toasts, services.clock(), messages, sections);
        if (options.section() != null) {
            shell.sectionProperty().set(Section.valueOf(options.section().toUpperCase(Locale.ROOT)));
        }
        themes.themeProperty().addListener((o, a, t) -> tasks.submit("remember theme", () -> services.preferences().theme(t.id())));
        var bounds = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1440, bounds.getWidth()), Math.min(900, bounds.getHeight()));
        themes.manage(scene);
        primary.setTitle(messages.get("app.title"));
        primary.setScene(scene);
        primary.setOnHidden(e -> {
            if (alertsWarmUp != null) {
                alertsWarmUp.cancel();
            }
            notifier.close();
            onExit.run();
        });
        primary.show();
        if (workspaces != null) {
            // Alerts built and styled hidden once the first dashboard is up, so its first opening is not cold
            AlertsWorkspaces ws = workspaces;
            probesAfter.thenRunAsync(() -> {
                PauseTransition settle = new PauseTransition(Duration.seconds(1));
                settle.setOnFinished(e -> {
                    if (primary.isShowing()) {
                        alertsWarmUp = io.opsdeck.ui.alerts.AlertsWarmUp.start(ws::alertsView, view.contentArea());
                    }
                });
                settle.play();
            }, tasks.ui());
        }
        java.util.function.Consumer<io.opsdeck.console.ActiveAlert> open = this::openAlert;
        toasts.onOpen(open);
        probesAfter.thenRunAsync(() -> {
            // Settings asks whether the keyring answers; asking runs secret-tool, so do it early, off the FX thread.
            tasks.submit("probe the OS keyring", () -> services.secretStore().keyringUnavailableReason());
            trayOrToasts.connect(() -> TrayNotifier.create(messages).map(t -> {
                t.onOpen(open);
                javafx.application.Platform.runLater(() -> t.muteItem(alerts.mutedProperty()));
                return t;
            }), tasks.background(), tasks.ui());
        }, tasks.ui());
    }

    /**
     * A notification was clicked: the Alerts section with that very alert (cluster and fingerprint) selected and its
     * details shown, and the window to the front. The workspace says when the filter had to change or the alert
     * has resolved meanwhile.
     */
    private void openAlert(io.opsdeck.console.ActiveAlert alert) {
        shell.sectionProperty().set(Section.ALERTS);
        if (workspaces != null) {
            workspaces.alertsModel().reveal(alert.cluster(), alert.fingerprint(), alert.alertname());
        }
        stage.toFront();
    }

    private void startWall() throws IOException {
        Playlist playlist = options.playlist() != null
                ? PlaylistLoader.load(options.playlist())
                : Playlist.ofDashboards(shell.roleProperty().get().dashboardIds(), Playlist.DEFAULT_INTERVAL);
        List<Playlist.Slide> slides = playlist.resolve(services.dashboards());
        if (slides.isEmpty()) {
            throw new IllegalArgumentException((options.playlist() == null ? "role " + shell.roleProperty().get().name()
                    : options.playlist().toString()) + ": the playlist names no dashboard the catalogue knows");
        }
        wall = new WallWindows(slides, services.alerts(), shell.status(), renderer, themes, services.clock(), messages,
                tasks, Duration.millis(500), onExit);
        wall.show();
    }

    /** The main window's scene, or the first wall window's. */
    public Scene scene() {
        return wall != null ? wall.stages().getFirst().getScene() : stage.getScene();
    }

    /** The Remediation view's model (built with the main window). */
    public RemediationViewModel remediation() {
        return remediation;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public WallWindows wall() {
        return wall;
    }

    public ThemeManager themes() {
        return themes;
    }
}
