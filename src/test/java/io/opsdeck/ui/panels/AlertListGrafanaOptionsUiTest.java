package io.opsdeck.ui.panels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.alertmanager.TestAlerts;
import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.live.FleetAlertFeed;
import io.opsdeck.dashboard.Dashboard;
import io.opsdeck.dashboard.DatasourceResolver;
import io.opsdeck.dashboard.Panel;
import io.opsdeck.dashboard.frame.Frame;
import io.opsdeck.dashboard.grafana.GrafanaDashboardLoader;
import io.opsdeck.teststack.RealStack;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Grafana's alert list {@code stateFilter} and {@code sortOrder}, read from Grafana dashboard JSON (the unified
 * panel's options, and a Grafana 6 panel that keeps them at the top level) and applied to a real Alertmanager's
 * alerts: three firing (one named in lower case) and one silenced, each started at a known time, chosen so that no
 * order asked for is OpsDeck's default (worst severity, then oldest).
 */
@ExtendWith(ApplicationExtension.class)
class AlertListGrafanaOptionsUiTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder().alertmanagers(1).alertmanagerConfig(TestAlerts.CONFIG).build();
    private static final String RUN = TestAlerts.unique();
    private static AlertmanagerClient client;
    private static AlertmanagerFleet fleet;
    private static FleetAlertFeed feed;
    private static Dashboard dashboard;

    private final StackPane root = new StackPane();

    private static PostableAlert alert(String name, String severity, String instance, int minutesAgo) {
        PostableAlert a = TestAlerts.alert(RUN, name, "severity", severity, "instance", instance);
        return new PostableAlert(a.labels(), a.annotations(), Instant.now().minus(Duration.ofMinutes(minutesAgo)), null, null);
    }

    @BeforeAll
    static void postAlertsAndLoadTheDashboard() {
        client = AlertmanagerClient.builder(STACK.alertmanager().baseUrl()).name("am").build();
        fleet = AlertmanagerFleet.builder().add("eu", client).build();
        feed = new FleetAlertFeed(fleet);
        client.postAlerts(List.of(alert("NodeDown", "critical", "web-1", 10), alert("GpuHot", "critical", "ml-1", 20),
                alert("DiskSlow", "warning", "db-1", 30), alert("apiErrors", "info", "web-2", 5)));
        client.createOrUpdateSilence(TestAlerts.silence(Matcher.equal("test", RUN), Matcher.equal("alertname", "GpuHot")));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            feed.pollOnce();
            return feed.current().size() == 4 && feed.current().stream()
                    .anyMatch(a -> a.alertname().equals("GpuHot") && a.state() == AlertState.SUPPRESSED);
        });
        // as Grafana 10/11 saves the unified alert list (ids 1-6), and a Grafana 6 panel (ids 7-8)
        dashboard = new GrafanaDashboardLoader(DatasourceResolver.single("prom")).parse("""
                {"uid": "alerts", "title": "Alerts", "schemaVersion": 39, "panels": [
                  {"id": 1, "type": "alertlist", "title": "Firing A-Z", "gridPos": {"x": 0, "y": 0, "w": 8, "h": 8},
                   "options": {"viewMode": "list", "groupMode": "default", "maxItems": 20, "sortOrder": 1,
                     "dashboardAlerts": false, "alertName": "", "alertInstanceLabelFilter": "", "groupBy": [],
                     "stateFilter": {"firing": true, "pending": true, "noData": false, "normal": false, "error": true}}},
                  {"id": 2, "type": "alertlist", "title": "Every state Z-A", "gridPos": {"x": 8, "y": 0, "w": 8, "h": 8},
                   "options": {"maxItems": 20, "sortOrder": 2, "stateFilter": {}}},
                  {"id": 3, "type": "alertlist", "title": "By importance", "gridPos": {"x": 16, "y": 0, "w": 8, "h": 8},
                   "options": {"maxItems": 20, "sortOrder": 3}},
                  {"id": 4, "type": "alertlist", "title": "Oldest two", "gridPos": {"x": 0, "y": 8, "w": 8, "h": 8},
                   "options": {"maxItems": 2, "sortOrder": 4}},
                  {"id": 5, "type": "alertlist", "title": "Pending only", "gridPos": {"x": 8, "y": 8, "w": 8, "h": 8},
                   "options": {"sortOrder": 5, "stateFilter": {"firing": false, "pending": true, "noData": true,
                     "normal": true, "error": true}}},
                  {"id": 6, "type": "alertlist", "title": "Silenced", "gridPos": {"x": 16, "y": 8, "w": 8, "h": 8},
                   "options": {"sortOrder": 5, "stateFilter": {"firing": false, "suppressed": true}}},
                  {"id": 7, "type": "alertlist", "title": "Legacy newest firing", "gridPos": {"x": 0, "y": 16, "w": 8, "h": 8},
                   "show": "current", "limit": 2, "sortOrder": 5, "stateFilter": ["alerting"], "nameFilter": "",
                   "onlyAlertsOnDashboard": false, "options": {}},
                  {"id": 8, "type": "alertlist", "title": "Legacy all", "gridPos": {"x": 8, "y": 16, "w": 8, "h": 8},
                   "show": "current", "limit": 10, "sortOrder": 4, "stateFilter": [], "options": {}},
                  {"id": 9, "type": "alertlist", "title": "Label filter", "gridPos": {"x": 16, "y": 16, "w": 8, "h": 8},
                   "options": {"sortOrder": 1, "stateFilter": {},
                     "alertInstanceLabelFilter": "{severity=~\\"critical|warning\\", instance!=\\"web-1\\"}"}},
                  {"id": 10, "type": "alertlist", "title": "Other labels", "gridPos": {"x": 0, "y": 24, "w": 8, "h": 8},
                   "options": {"sortOrder": 1, "stateFilter": {}, "alertInstanceLabelFilter": "alertname!~\\"Node.*\\",test!=\\"\\""}},
                  {"id": 11, "type": "alertlist", "title": "Bad filter", "gridPos": {"x": 8, "y": 24, "w": 8, "h": 8},
                   "options": {"alertInstanceLabelFilter": "{severity=~\\"(crit\\"}"}}]}
                """, "alerts");
    }

    @AfterAll
    static void close() {
        feed.close();
        fleet.close();
    }

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 600, 300));
        stage.show();
    }

    @Test
    void theUnifiedPanelsFiringFilterShowsActiveAlertsAlphabeticallyIgnoringCase(FxRobot robot) {
        assertThat(names(robot, 1)).as("silenced GpuHot is not firing; pending/error match nothing in Alertmanager")
                .containsExactly("apiErrors", "DiskSlow", "NodeDown");
    }

    @Test
    void anEmptyStateFilterShowsEveryAlertAndDescendingIsTheAscendingListReversed(FxRobot robot) {
        assertThat(names(robot, 2)).containsExactly("NodeDown", "GpuHot", "DiskSlow", "apiErrors");
    }

    @Test
    void importancePutsFiringAlertsFirstWorstSeverityFirstAndSuppressedOnesLast(FxRobot robot) {
        assertThat(names(robot, 3)).containsExactly("NodeDown", "DiskSlow", "apiErrors", "GpuHot");
    }

    @Test
    void timeAscendingKeepsTheOldestUpToMaxItems(FxRobot robot) {
        assertThat(names(robot, 4)).containsExactly("DiskSlow", "GpuHot");
    }

    @Test
    void statesAlertmanagerNeverHoldsShowNothingAndSuppressedShowsTheSilencedAlert(FxRobot robot) {
        assertThat(names(robot, 5)).isEmpty();
        assertThat(names(robot, 6)).containsExactly("GpuHot");
    }

    @Test
    void aGrafana6PanelsTopLevelOptionsAreMigratedAsGrafanaDoes(FxRobot robot) {
        assertThat(names(robot, 7)).as("limit 2, newest first, alerting only").containsExactly("apiErrors", "NodeDown");
        assertThat(names(robot, 8)).as("an empty list is every state").containsExactly("DiskSlow", "GpuHot", "NodeDown",
                "apiErrors");
    }

    @Test
    void theLabelFilterKeepsOnlyAlertsMatchingEveryMatcherOnAnyOfTheirLabels(FxRobot robot) {
        assertThat(names(robot, 9)).containsExactly("DiskSlow", "GpuHot");
        assertThat(names(robot, 10)).as("a label beyond name, severity and instance (the test's run id)")
                .containsExactly("apiErrors", "DiskSlow", "GpuHot");
    }

    @Test
    void aMalformedLabelFilterShowsNoAlertAndNamesTheProblem(FxRobot robot) {
        assertThat(names(robot, 11)).isEmpty();
        Panel panel = dashboard.queryPanels().stream().filter(p -> p.id() == 11).findFirst().orElseThrow();
        AlertListPanel view = new AlertListPanel(panel, new PanelContext(new Crosshair(), ZoneId.of("UTC"), (a, b) -> { },
                url -> { }, feed::current));
        @SuppressWarnings("unchecked")
        ListView<ActiveAlert> list = (ListView<ActiveAlert>) view.node();
        assertThat(((javafx.scene.control.Label) list.getPlaceholder()).getText())
                .contains("alertInstanceLabelFilter", "(crit", "invalid regular expression");
    }

    /** The alert names panel {@code id} shows, in order. */
    private List<String> names(FxRobot robot, int id) {
        Panel panel = dashboard.queryPanels().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
        AlertListPanel view = new AlertListPanel(panel, new PanelContext(new Crosshair(), ZoneId.of("UTC"), (a, b) -> { },
                url -> { }, feed::current));
        robot.interact(() -> {
            root.getChildren().setAll(view.node());
            view.setData(Frame.EMPTY);
        });
        @SuppressWarnings("unchecked")
        ListView<ActiveAlert> list = (ListView<ActiveAlert>) view.node();
        assertThat(view.valueText()).isEqualTo(list.getItems().size() + " alerts");
        return list.getItems().stream().map(ActiveAlert::alertname).toList();
    }
}
