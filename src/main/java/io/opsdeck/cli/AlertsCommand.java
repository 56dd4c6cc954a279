package io.opsdeck.cli;

import io.opsdeck.alertmanager.Alert;
import io.opsdeck.alertmanager.AlertQuery;
import io.opsdeck.alertmanager.AlertState;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.FleetSnapshot;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.MergedAlert;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opsdeck alerts}: alerts of every Alertmanager, HA peers merged, as a table or JSON. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"List alerts from every configured Alertmanager, deduplicated across HA peers.",
            "Exit code 0 when at least one Alertmanager answered, 1 when none did."})
public final class AlertsCommand implements Callable<Integer> {

    enum StateFilter { active, suppressed, all }

    enum Output { table, json }

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Mixin
    AlertmanagerOptions sources = new AlertmanagerOptions();

    @Parameters(paramLabel = "MATCHER", arity = "0..*",
            description = "Label matchers like severity=~\"crit|warn\" or instance!=web-1; a bare word is an alertname.")
    List<String> matcherArgs = new ArrayList<>();

    @Option(names = "--state", paramLabel = "STATE", defaultValue = "active",
            description = "active (neither silenced nor inhibited), suppressed, or all. Default: ${DEFAULT-VALUE}.")
    StateFilter state;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table", description = "table or json. Default: ${DEFAULT-VALUE}.")
    Output output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Matcher> filter = AlertmanagerCliSupport.matchers(spec.commandLine(), matcherArgs);
        List<AlertmanagerSources.Source> resolved = AlertmanagerSources.resolve(spec.commandLine(), sources, global);
        AlertQuery query = switch (state) {
            case active -> AlertQuery.activeOnly();
            case suppressed -> AlertQuery.suppressedOnly();
            case all -> AlertQuery.all();
        };
        FleetSnapshot snapshot;
        try (AlertmanagerFleet fleet = AlertmanagerSources.connect(resolved, Duration.ofSeconds(sources.timeoutSeconds))) {
            snapshot = fleet.alerts(query.withFilter(filter));
        }
        PrintWriter out = spec.commandLine().getOut();
        List<MergedAlert> alerts = snapshot.alerts().stream().sorted(ORDER).toList();
        if (output == Output.json) {
            AlertmanagerCliSupport.printSnapshotJson(spec.commandLine(), snapshot.fetchedAt(), "alerts", alerts,
                    snapshot.health().values());
        } else {
            printTable(out, alerts, snapshot.fetchedAt());
            AlertmanagerCliSupport.printFailures(out, snapshot.health().values());
        }
        if (!snapshot.anySourceAnswered()) {
            spec.commandLine().getErr().println("opsdeck alerts: no Alertmanager answered.");
            return 1;
        }
        return 0;
    }

    private static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");

    private static final Comparator<MergedAlert> ORDER = Comparator
            .comparingInt((MergedAlert m) -> severityRank(m.alert().label("severity")))
            .thenComparing(m -> m.alert().startsAt(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(m -> m.alert().alertname())
            .thenComparing(m -> m.alert().fingerprint());

    private static int severityRank(String severity) {
        int i = SEVERITIES.indexOf(severity);
        return i < 0 ? SEVERITIES.size() : i;
    }

    private static void printTable(PrintWriter out, List<MergedAlert> alerts, Instant now) {
        if (alerts.isEmpty()) {
            out.println("No alerts.");
            return;
        }
        AlignedTable table = new AlignedTable("SEVERITY", "ALERTNAME", "INSTANCE", "STATE", "AGE", "SUMMARY",
                "CLUSTER/SOURCES");
        for (MergedAlert merged : alerts) {
            Alert a = merged.alert();
            String summary = a.annotation("summary").isEmpty() ? a.annotation("description") : a.annotation("summary");
            String age = a.startsAt() == null ? "" : AlertmanagerCliSupport.shortDuration(Duration.between(a.startsAt(), now));
            table.row(60, a.label("severity"), a.alertname(), a.label("instance"), state(a), age, summary,
                    where(merged.cluster(), merged.sources()));
        }
        table.print(out);
        out.println(alerts.size() + (alerts.size() == 1 ? " alert" : " alerts"));
    }

    /** "eu (am-1,am-2)", or just the name when the cluster is that one source. */
    private static String where(String cluster, java.util.Set<String> sources) {
        return sources.equals(java.util.Set.of(cluster)) ? cluster : cluster + " (" + String.join(",", sources) + ")";
    }

    private static String state(Alert a) {
        if (a.state() != AlertState.SUPPRESSED) {
            return a.state().apiName();
        }
        return a.status().silencedBy().isEmpty() ? "inhibited" : "silenced";
    }
}
