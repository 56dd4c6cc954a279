package io.opsdeck.cli;

import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.MergedSilence;
import io.opsdeck.alertmanager.Silence;
import io.opsdeck.alertmanager.SilenceSnapshot;
import io.opsdeck.alertmanager.SilenceState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code opsdeck silences}: silences of every Alertmanager, merged by id across HA peers. */
@Command(name = "silences", mixinStandardHelpOptions = true,
        description = {"List silences from every configured Alertmanager, deduplicated across HA peers.",
            "Exit code 0 when at least one Alertmanager answered, 1 when none did."})
public final class SilencesCommand implements Callable<Integer> {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Mixin
    AlertmanagerOptions sources = new AlertmanagerOptions();

    @Parameters(paramLabel = "MATCHER", arity = "0..*",
            description = "Only silences whose matchers include these, e.g. instance=db-1; a bare word is an alertname.")
    List<String> matcherArgs = new ArrayList<>();

    @Option(names = "--expired", description = "Show expired silences instead of active and pending ones.")
    boolean expired;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table", description = "table or json. Default: ${DEFAULT-VALUE}.")
    AlertsCommand.Output output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Matcher> filter = AlertmanagerCliSupport.matchers(spec.commandLine(), matcherArgs);
        List<AlertmanagerSources.Source> resolved = AlertmanagerSources.resolve(spec.commandLine(), sources, global);
        SilenceSnapshot snapshot;
        try (AlertmanagerFleet fleet = AlertmanagerSources.connect(resolved, Duration.ofSeconds(sources.timeoutSeconds))) {
            snapshot = fleet.silences(filter);
        }
        List<MergedSilence> shown = snapshot.silences().stream()
                .filter(m -> (m.silence().state() == SilenceState.EXPIRED) == expired)
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        if (output == AlertsCommand.Output.json) {
            AlertmanagerCliSupport.printSnapshotJson(spec.commandLine(), snapshot.fetchedAt(), "silences", shown,
                    snapshot.health().values());
        } else {
            printTable(out, shown, snapshot);
            AlertmanagerCliSupport.printFailures(out, snapshot.health().values());
        }
        if (!snapshot.anySourceAnswered()) {
            spec.commandLine().getErr().println("opsdeck silences: no Alertmanager answered.");
            return 1;
        }
        return 0;
    }

    private void printTable(PrintWriter out, List<MergedSilence> silences, SilenceSnapshot snapshot) {
        if (silences.isEmpty()) {
            out.println(expired ? "No expired silences." : "No active or pending silences.");
            return;
        }
        AlignedTable table = new AlignedTable("ID", "MATCHERS", "UNTIL", "CREATED BY", "COMMENT", "STATE", "CLUSTER");
        for (MergedSilence merged : silences) {
            Silence s = merged.silence();
            String matchers = s.matchers().stream().map(Matcher::toString).collect(Collectors.joining(" "));
            String until = s.endsAt() == null ? "" : UNTIL.format(s.endsAt()) + (s.state() == SilenceState.EXPIRED ? ""
                    : " (in " + AlertmanagerCliSupport.shortDuration(Duration.between(snapshot.fetchedAt(), s.endsAt())) + ")");
            table.row(80, s.id(), matchers, until, s.createdBy(), s.comment(), s.state().apiName(), merged.cluster());
        }
        table.print(out);
        out.println(silences.size() + (silences.size() == 1 ? " silence" : " silences"));
    }
}
