package io.opsdeck.bench;

import io.opsdeck.alertmanager.PostableAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A realistic synthetic alert population: ~60 alert names from the rule set, 5,000 hosts, the catalogue's jobs and
 * roles, a few teams, a severity mix of 15 % critical, 55 % warning, 30 % info, summary, description and runbook.
 * Every label set is unique; the same seed gives the same alerts.
 */
final class AlertLoad {

    static final String[] NAMES = {"HostDown", "HostHighCpuUsage", "HostHighLoad", "HostMemoryUsageHigh",
        "HostSwapUsageHigh", "HostDiskSpaceLow", "HostDiskFillingIn4h", "HostDiskFillingIn24h", "HostInodesLow",
        "HostDiskIoSaturated", "HostFilesystemReadOnly", "HostNetworkErrors", "HostNetworkDrops",
        "HostNetworkInterfaceDown", "HostNetworkInterfaceSaturated", "HostClockSkew", "HostClockNotSynchronising",
        "HostOomKillDetected", "HostRebooted", "HostFileDescriptorsNearLimit", "HostCpuIowaitHigh",
        "HostCpuStealHigh", "HostMajorPageFaultsHigh", "HttpErrorRatioHigh", "HttpLatencyP99High", "HttpNoTraffic",
        "AppMemoryHigh", "AppRestartLoop", "PostgresDown", "PostgresTooManyConnections", "PostgresReplicationLag",
        "PostgresDeadlocks", "PostgresLongRunningTransaction", "PostgresCacheHitRatioLow",
        "PostgresHighRollbackRatio", "RedisDown", "RedisMemoryNearMax", "RedisEvictingKeys", "RedisLowHitRate",
        "RedisRejectedConnections", "RedisRestarted", "GpuTemperatureHigh", "GpuMemoryNearFull",
        "GpuUtilisationLow", "GpuUtilisationSaturated", "GpuXidErrors", "InferenceErrorRatioHigh",
        "InferenceLatencyP95High", "CeleryQueueBacklog", "CeleryWorkerDown", "CeleryTaskFailureRatioHigh",
        "TargetDown", "TargetFlapping", "SloErrorBudgetBurnFast", "SloErrorBudgetBurnSlow", "Watchdog"};
    static final String[] JOBS = {"node", "app", "postgres", "redis", "dcgm", "inference", "celery"};
    static final String[] ROLES = {"web", "db", "ml"};
    static final String[] TEAMS = {"platform", "payments", "search", "ml-infra", "data"};
    static final int HOSTS = 5000;

    private AlertLoad() {
    }

    /** {@code count} alerts ending at {@code endsAt} (so none resolves while the rest is still being posted). */
    static List<PostableAlert> generate(int count, long seed, Instant startsAt, Instant endsAt) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PostableAlert> alerts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = NAMES[i % NAMES.length];
            int hostIndex = (i / NAMES.length) % HOSTS;
            String role = ROLES[hostIndex % ROLES.length];
            String host = role + "-" + hostIndex;
            int r = random.nextInt(100);
            String severity = r < 15 ? "critical" : r < 70 ? "warning" : "info";
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("alertname", name);
            labels.put("instance", host);
            labels.put("job", JOBS[(i / NAMES.length / HOSTS + hostIndex) % JOBS.length]);
            labels.put("role", role);
            labels.put("env", "demo");
            labels.put("severity", severity);
            labels.put("team", TEAMS[hostIndex % TEAMS.length]);
            labels.put("replica", Integer.toString(i / (NAMES.length * HOSTS)));
            Map<String, String> annotations = Map.of(
                    "summary", name + " on " + host,
                    "description", "The " + name + " condition has held on " + host + " for more than 5 minutes; value "
                            + random.nextInt(1000) + ".",
                    "runbook_url", "docs/runbooks/" + name + ".md");
            alerts.add(new PostableAlert(labels, annotations, startsAt.minusSeconds(random.nextInt(86_400)), endsAt,
                    "http://127.0.0.1:9090/graph?g0.expr=" + name));
        }
        return alerts;
    }
}
