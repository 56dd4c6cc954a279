package io.opsdeck.alerts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the detail pane shows for one alert. Labels and annotations are plain text (never markup); only http(s)
 * URLs and documents inside the docs folder become links.
 *
 * <pre>{@code
 * AlertDetail d = AlertDetail.of(row, snapshot, DetailOptions.defaults().withDocsBase(Path.of("docs")));
 * d.runbook().flatMap(Link::localFile);   // docs/runbooks/HostDown.md
 * }</pre>
 *
 * @param annotationLinks annotations whose whole value is an openable URL
 * @param sameInstance    other current alerts with the same {@code instance} in the same cluster
 * @param history         past occurrences, newest first
 */
public record AlertDetail(AlertRow row, SortedMap<String, String> labels, SortedMap<String, String> annotations,
                          Optional<Link> runbook, Optional<Link> generator, Optional<DashboardRef> dashboard,
                          Map<String, Link> annotationLinks, List<AlertRow> sameInstance,
                          List<ResolvedAlert> history) {

    public AlertDetail {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        annotations = Collections.unmodifiableSortedMap(new TreeMap<>(annotations));
        annotationLinks = Collections.unmodifiableMap(new LinkedHashMap<>(annotationLinks));
        sameInstance = List.copyOf(sameInstance);
        history = List.copyOf(history);
    }

    public static AlertDetail of(AlertRow row, WorkspaceSnapshot snapshot, DetailOptions options) {
        var alert = row.alert();
        String runbookText = !alert.annotation("runbook_url").isBlank() ? alert.annotation("runbook_url")
                : alert.annotation("runbook");
        Optional<Link> runbook = runbookText.isBlank() ? Optional.empty()
                : Optional.of(Link.of(runbookText.strip(), options.docsBase()));
        Optional<Link> generator = alert.generatorURL().isBlank() ? Optional.empty()
                : Optional.of(Link.of(alert.generatorURL(), null));
        Optional<DashboardRef> dashboard = DashboardRef.parse(alert.annotation("dashboard"));
        if (dashboard.isEmpty()) {
            String id = options.dashboardsByRole().get(alert.label("role"));
            if (id != null) {
                Map<String, String> vars = alert.label("instance").isEmpty() ? Map.of()
                        : Map.of("instance", alert.label("instance"));
                dashboard = Optional.of(new DashboardRef(id, vars));
            }
        }
        Map<String, Link> links = new LinkedHashMap<>();
        new TreeMap<>(alert.annotations()).forEach((k, v) -> {
            if (SafeLinks.isOpenable(v.strip())) {
                links.put(k, Link.of(v.strip(), null));
            }
        });
        String instance = alert.label("instance");
        List<AlertRow> same = instance.isEmpty() ? List.of() : snapshot.currentRowsOnInstance(row.cluster(), instance)
                .stream().filter(r -> !r.key().equals(row.key())).toList();
        List<ResolvedAlert> past;
        try {
            past = options.history().history(row.cluster(), row.fingerprint(), options.historyLimit());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AlertDetail.class)
                    .warn("alert history unavailable for {}: {}", row.key(), e.getMessage());
            past = List.of();
        }
        return new AlertDetail(row, new TreeMap<>(alert.labels()), new TreeMap<>(alert.annotations()), runbook, generator, dashboard, links, same,
                past);
    }
}
