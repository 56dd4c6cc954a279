package io.opsdeck.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.DashboardSummary;
import io.opsdeck.console.DashboardVariable;
import io.opsdeck.console.RefreshInterval;
import io.opsdeck.console.Severity;
import io.opsdeck.console.TimeRange;
import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.prometheus.PrometheusMetricsSource;
import io.opsdeck.dashboard.prometheus.PrometheusRangeExecutor;
import io.opsdeck.simulate.FleetSpec;
import io.opsdeck.teststack.SimulatedFleet;
import io.opsdeck.ui.common.FxUiExecutor;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.panels.PanelView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each role dashboard opened in the live renderer, headless, against a real Prometheus scraping the simulator every
 * second over the last 5 minutes: every panel answers without error and the panels listed as data-bearing draw data.
 * Writes a per-panel report to target/role-dashboards/ (and a PNG of the window when -Dopsdeck.snapshots=true).
 */
class RoleDashboardsLiveUiTest {

    /** Panels that cannot have data in this stack, with the reason; everything else must draw data. */
    private static final Map<String, String> NO_DATA_EXPECTED = Map.of(
            "executive/Firing by severity", "ALERTS needs alerting rules; this Prometheus loads none",
            "executive/Firing by team", "ALERTS needs alerting rules; this Prometheus loads none",
            "dba/Replication lag", "only replicas report lag; the one simulated db host is a primary");

    private static SimulatedFleet fleet;
    private static LiveDashboardRenderer renderer;
    private static final List<ActiveAlert> ALERTS = List.of(new ActiveAlert("f1", "HostDown", Severity.CRITICAL,
            "web-2", "web-2 is down", Instant.now().minusSeconds(300), AlertState.ACTIVE));

    @BeforeAll
    static void start() throws Exception {
        fleet = SimulatedFleet.start(FleetSpec.parse("web=2,db=1,ml=1"), 20);
        FxToolkit.registerPrimaryStage();
        PrometheusRangeExecutor exec = PrometheusRangeExecutor.builder(fleet.client()).build();
        renderer = DashboardRenderers.live(exec, new PrometheusMetricsSource(fleet.client()), Path.of("dashboards"),
                () -> ALERTS, new TaskRunner(Executors.newVirtualThreadPerTaskExecutor(), new FxUiExecutor()),
                url -> { }, Clock.systemDefaultZone(), Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (fleet != null) {
            fleet.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"executive", "devops", "dba", "mlops", "noc"})
    void roleDashboardDrawsItsPanelsWithLiveData(String role) throws Exception {
        var range = new SimpleObjectProperty<>(TimeRange.last(Duration.ofMinutes(5)));
        var context = new io.opsdeck.ui.shell.DashboardContext(range,
                new SimpleObjectProperty<>(RefreshInterval.S5), FXCollections.<DashboardVariable>observableArrayList(),
                new SimpleBooleanProperty(false), new SimpleObjectProperty<>(Instant.now()));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(renderer.render(new DashboardSummary(role, role, Set.of()), context)), 1600, 1000));
            stage.getScene().getStylesheets().add(getClass().getResource("/io/opsdeck/ui/opsdeck.css").toExternalForm());
            stage.show();
        });
        DashboardViewModel vm = renderer.lastViewModel();
        DashboardView view = renderer.lastView();
        await().atMost(Duration.ofSeconds(60)).until(() -> vm.refreshes() >= 1 || !vm.errorProperty().get().isEmpty());
        assertThat(vm.errorProperty().get()).as("dashboard error").isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        // time series draw off the FX thread: wait until every chart shows its data
        await().atMost(Duration.ofSeconds(30)).until(() -> WaitForAsyncUtils.asyncFx(() -> view.panelViews().values()
                .stream().allMatch(v -> !(v instanceof io.opsdeck.ui.panels.TimeSeriesPanel ts) || ts.chart().idle()))
                .get());
        Dashboard d = vm.dashboardProperty().get();
        List<String> report = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<Integer, PanelView> views = view.panelViews();
        for (Panel p : d.queryPanels()) {
            PanelView v = views.get(p.id());
            String error = view.panelError(p.id());
            long points = v == null ? -1 : v.pointsDrawn();
            report.add(String.format("%-10s %-45s points=%-6d value=%-16s %s", p.type(), p.title(), points,
                    v == null ? "" : v.valueText(), error));
            if (!error.isEmpty()) {
                errors.add(p.title() + ": " + error);
            }
            if (v instanceof io.opsdeck.ui.panels.TimeSeriesPanel ts && points > 0) {
                assertThat(ts.chart().data().points()).as(p.title() + " samples").isGreaterThan(ts.chart().data().series().size());
            }
            if (points <= 0 && !NO_DATA_EXPECTED.containsKey(role + "/" + p.title())) {
                missing.add(p.type() + " '" + p.title() + "'");
            }
        }
        Path out = Path.of("target", "role-dashboards");
        Files.createDirectories(out);
        Files.write(out.resolve(role + ".txt"), report);
        if (Boolean.getBoolean("opsdeck.snapshots")) {
            WaitForAsyncUtils.asyncFx(() -> {
                Stage s = (Stage) view.getScene().getWindow();
                var img = s.getScene().snapshot(null);
                javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png",
                        out.resolve("dashboard-" + role + ".png").toFile());
                return null;
            }).get();
        }
        assertThat(errors).as("panels with errors on " + role).isEmpty();
        assertThat(missing).as("panels without data on " + role + "\n" + String.join("\n", report)).isEmpty();
        Platform.runLater(() -> ((Stage) view.getScene().getWindow()).getScene().setRoot(new javafx.scene.layout.Pane()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
