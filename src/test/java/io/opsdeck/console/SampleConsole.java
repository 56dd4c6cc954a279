package io.opsdeck.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Built-in roles and an in-memory sample of dashboards, sources and alerts: what the console shows before the
 * lead wires the real dashboards, clients and agent. Sources here never answer again, so they turn stale,
 * which is the truth.
 */
public final class SampleConsole {

    private SampleConsole() {
    }

    /** The four built-in roles. */
    public static List<Role> builtInRoles() {
        NotificationPrefs critical = new NotificationPrefs(EnumSet.of(Severity.CRITICAL), EnumSet.of(Severity.CRITICAL));
        return List.of(
                new Role("Executive", List.of("service-overview", "slo-summary"), "severity=\"critical\"", critical),
                new Role("DevOps", List.of("node-overview", "http-traffic", "service-overview", "disk-io"),
                        "severity=~\"critical|warning\"", NotificationPrefs.defaults()),
                new Role("DBA", List.of("postgres-overview", "postgres-replication", "redis-overview", "node-overview"),
                        "role=\"db\"", NotificationPrefs.defaults()),
                new Role("MLOps", List.of("gpu-fleet", "inference-latency", "celery-queues", "node-overview"),
                        "role=\"ml\"", NotificationPrefs.defaults()));
    }

    public static List<DashboardSummary> sampleDashboards() {
        DashboardVariable instance = new DashboardVariable("instance", List.of("All", "web-1", "web-2", "db-1", "ml-1"), "All");
        DashboardVariable job = new DashboardVariable("job", List.of("node", "app", "postgres"), "node");
        return List.of(
                new DashboardSummary("service-overview", "Service overview", Set.of("exec", "web"), List.of(instance)),
                new DashboardSummary("slo-summary", "SLO summary", Set.of("exec")),
                new DashboardSummary("node-overview", "Node overview", Set.of("node", "wall"), List.of(instance, job)),
                new DashboardSummary("http-traffic", "HTTP traffic", Set.of("web", "wall"), List.of(instance)),
                new DashboardSummary("disk-io", "Disk I/O", Set.of("node"), List.of(instance)),
                new DashboardSummary("postgres-overview", "PostgreSQL overview", Set.of("db", "wall"),
                        List.of(new DashboardVariable("datname", List.of("app", "postgres"), "app"))),
                new DashboardSummary("postgres-replication", "PostgreSQL replication", Set.of("db")),
                new DashboardSummary("redis-overview", "Redis overview", Set.of("db")),
                new DashboardSummary("gpu-fleet", "GPU fleet", Set.of("ml", "wall"),
                        List.of(new DashboardVariable("gpu", List.of("0", "1", "2", "3"), "0"))),
                new DashboardSummary("inference-latency", "Inference latency", Set.of("ml"),
                        List.of(new DashboardVariable("model", List.of("resnet", "bert"), "bert"))),
                new DashboardSummary("celery-queues", "Celery queues", Set.of("ml")));
    }

    /** In-memory services around the sample, measured with {@code clock}. */
    public static ConsoleServices services(Clock clock) {
        Instant now = clock.instant();
        List<SourceHealth> health = List.of(
                new SourceHealth("prometheus", SourceKind.PROMETHEUS, now, null),
                new SourceHealth("alertmanager", SourceKind.ALERTMANAGER, now, null),
                new SourceHealth("agent", SourceKind.AGENT, null, "agent not wired into the console yet"));
        List<ActiveAlert> alerts = List.of(
                new ActiveAlert("f0", "PostgresReplicationLagHigh", Severity.CRITICAL, "db-2",
                        "Replica db-2 is 94 s behind the primary", now.minus(Duration.ofMinutes(3)), AlertState.ACTIVE),
                new ActiveAlert("f1", "HighRequestLatency", Severity.WARNING, "web-1",
                        "p99 latency above 500 ms for 10 minutes", now.minus(Duration.ofMinutes(12)), AlertState.ACTIVE),
                new ActiveAlert("f2", "DiskWillFillIn4Hours", Severity.INFO, "db-1",
                        "/var/lib/postgresql fills in about 4 h", now.minus(Duration.ofMinutes(40)), AlertState.ACTIVE));
        List<SourceSettings> settings = List.of(
                new SourceSettings("prometheus", SourceKind.PROMETHEUS, "http://127.0.0.1:9090", null),
                new SourceSettings("alertmanager", SourceKind.ALERTMANAGER, "http://127.0.0.1:9093",
                        new SecretRef(SecretRef.Kind.ENV, "OPSDECK_AM_TOKEN")));
        return new ConsoleServices(
                new ListRoleCatalogue(builtInRoles()),
                new ListDashboardCatalogue(sampleDashboards()),
                () -> List.of("db-1", "db-2", "ml-1", "web-1", "web-2"),
                new InMemorySourceHealthFeed(health),
                new InMemoryAlertFeed(alerts),
                new InMemoryPreferences(),
                new InMemorySourceSettingsStore(settings),
                ConsoleServices.defaultTester(clock),
                ConsoleServices.defaultSecretStore(),
                clock);
    }
}
