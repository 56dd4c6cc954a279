package io.opsdeck.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.PostableAlert;
import io.opsdeck.config.ConfigLoader;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertState;
import io.opsdeck.console.ConnectionTestResult;
import io.opsdeck.console.InMemoryPreferences;
import io.opsdeck.console.Role;
import io.opsdeck.console.Severity;
import io.opsdeck.console.SourceHealth;
import io.opsdeck.console.SourceKind;
import io.opsdeck.console.SourceSettings;
import io.opsdeck.teststack.RealStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The console's live services against a real Prometheus, node_exporter and an Alertmanager HA pair. */
class LiveConsoleTest {

    @RegisterExtension
    static final RealStack STACK = RealStack.builder()
            .nodeExporter()
            .alertmanagers(2)
            .prometheus((prometheus, stack) -> prometheus.scrape("node", List.of(stack.nodeExporter().target())))
            .build();

    @TempDir
    static Path dir;

    private static ScheduledExecutorService scheduler;
    private static LiveConsole live;

    @BeforeAll
    static void start() throws Exception {
        Path dashboards = Files.createDirectory(dir.resolve("dashboards"));
        Files.copy(Path.of("dashboards", "dba.yaml"), dashboards.resolve("dba.yaml"));
        Path file = Files.writeString(dir.resolve("opsdeck.yaml"), """
                prometheus:
                  - name: main
                    url: %s
                alertmanager:
                  - { name: am-1, url: "%s", cluster: ha }
                  - { name: am-2, url: "%s", cluster: ha }
                dashboards:
                  dirs: [dashboards]
                roles:
                  - name: SRE
                    dashboards: [dba, noc]
                    alert_filter: 'team="sre"'
                    notify: { severities: [critical], sound: false }
                """.formatted(STACK.prometheus().baseUrl(), STACK.alertmanagers().get(0).baseUrl(),
                STACK.alertmanagers().get(1).baseUrl()));
        OpsdeckConfig config = ConfigLoader.builder().build().load(file);
        scheduler = Executors.newScheduledThreadPool(2, Thread.ofVirtual().factory());
        live = LiveConsole.builder(config, scheduler)
                .healthInterval(Duration.ofMillis(300))
                .alertInterval(Duration.ofMillis(300))
                .hostInterval(Duration.ofMillis(500))
                .preferences(new InMemoryPreferences())
                .secretStore(io.opsdeck.console.ConsoleServices.secretStoreIn(dir.resolve("secrets")))
                .build();
    }

    @AfterAll
    static void stop() {
        if (live != null) {
            live.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void alertPostedToBothPeersShowsUpOnceAndNotifiesListeners() {
        String run = "t" + UUID.randomUUID().toString().substring(0, 8);
        List<List<ActiveAlert>> heard = new CopyOnWriteArrayList<>();
        live.services().alerts().subscribe(heard::add);
        PostableAlert alert = PostableAlert.of(
                Map.of("alertname", "DiskFull", "severity", "critical", "instance", "db-1", "run", run),
                Map.of("summary", "disk full on db-1"));
        for (var am : STACK.alertmanagers()) {
            try (AlertmanagerClient client = AlertmanagerClient.builder(am.baseUrl()).build()) {
                client.postAlerts(List.of(alert));
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ActiveAlert> mine = live.services().alerts().current().stream()
                    .filter(a -> a.alertname().equals("DiskFull") && a.instance().equals("db-1")).toList();
            assertThat(mine).hasSize(1);
            assertThat(mine.getFirst().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(mine.getFirst().summary()).isEqualTo("disk full on db-1");
            assertThat(mine.getFirst().state()).isEqualTo(AlertState.ACTIVE);
        });
        assertThat(heard).isNotEmpty();
        assertThat(heard.getLast()).filteredOn(a -> a.alertname().equals("DiskFull")).hasSize(1);
    }

    @Test
    void everySourceIsHealthyAndTheMissingAgentIsSaidOnce() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SourceHealth> health = live.services().sourceHealth().current();
            assertThat(health).extracting(SourceHealth::name).containsExactly("main", "am-1", "am-2", "agent");
            assertThat(health.subList(0, 3)).allSatisfy(h -> {
                assertThat(h.lastError()).isNull();
                assertThat(h.lastGoodAnswer()).isNotNull();
            });
            assertThat(health.get(3)).isEqualTo(new SourceHealth("agent", SourceKind.AGENT, null, "agent: not configured"));
        });
    }

    @Test
    void hostsComeFromPrometheusInstanceLabels() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(live.services().hosts().hosts()).contains(STACK.nodeExporter().target()));
    }

    @Test
    void rolesAreTheBuiltInsPlusTheConfiguredOne() {
        List<Role> roles = live.services().roles().roles();
        assertThat(roles).extracting(Role::name).containsExactly("Executive", "DevOps", "DBA", "MLOps", "SRE");
        Role sre = live.services().roles().find("sre").orElseThrow();
        assertThat(sre.dashboardIds()).containsExactly("dba", "noc");
        assertThat(sre.defaultFilter()).isEqualTo("team=\"sre\"");
        assertThat(sre.notifications().notifyOn()).containsExactly(Severity.CRITICAL);
        assertThat(sre.notifications().soundOn()).isEmpty();
    }

    @Test
    void dashboardsComeFromTheConfiguredFolderWithTheirVariables() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !live.services().dashboards().dashboards().isEmpty());
        var dba = live.services().dashboards().find("dba").orElseThrow();
        assertThat(dba.title()).isEqualTo("Databases");
        assertThat(dba.tags()).contains("postgresql");
        assertThat(dba.variables()).extracting(v -> v.name()).containsExactly("instance", "datname");
        assertThat(live.services().dashboards().find("noc")).isEmpty();
    }

    @Test
    void connectionTesterAsksTheRealClients() throws InterruptedException {
        var tester = live.services().connectionTester();
        ConnectionTestResult prometheus = tester.test(new SourceSettings("main", SourceKind.PROMETHEUS,
                STACK.prometheus().baseUrl().toString(), null));
        assertThat(prometheus.ok()).isTrue();
        assertThat(prometheus.message()).matches("Prometheus 2\\.\\d+\\.\\d+\\S* answered");
        ConnectionTestResult am = tester.test(new SourceSettings("am-1", SourceKind.ALERTMANAGER,
                STACK.alertmanagers().get(0).baseUrl().toString(), null));
        assertThat(am.ok()).isTrue();
        assertThat(am.message()).matches("Alertmanager 0\\.\\d+\\.\\d+\\S* answered \\(cluster \\w+, 2 peers\\)");
    }

    @Test
    void connectionTesterExplainsARefusedConnection() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ConnectionTestResult result = live.services().connectionTester().test(new SourceSettings("nowhere",
                SourceKind.PROMETHEUS, "http://127.0.0.1:" + closedPort, null));
        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("nowhere").containsIgnoringCase("refused").contains("127.0.0.1:" + closedPort);
    }

    @Test
    void connectionTesterNamesAnUnsetSecretVariable() throws InterruptedException {
        ConnectionTestResult result = new ClientConnectionTester(Duration.ofSeconds(5), Clock.systemUTC(), Map.of())
                .test(new SourceSettings("main", SourceKind.PROMETHEUS, STACK.prometheus().baseUrl().toString(),
                        new io.opsdeck.console.SecretRef(io.opsdeck.console.SecretRef.Kind.ENV, "OPSDECK_TEST_UNSET")));
        assertThat(result.ok()).isFalse();
        assertThat(result.message()).isEqualTo("main: environment variable OPSDECK_TEST_UNSET is not set");
    }
}
