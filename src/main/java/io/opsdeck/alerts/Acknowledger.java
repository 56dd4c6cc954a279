package io.opsdeck.alerts;

import io.opsdeck.alertmanager.AlertmanagerException;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.SilenceSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Acknowledges alerts with a silence other tools recognise: comment {@code ACK! <text> (via OpsDeck)}, posted once
 * per cluster (HA peers gossip it), matching exactly the chosen alerts, or not at all.
 *
 * <pre>{@code
 * Acknowledger acks = Acknowledger.builder(fleet).operator(config.operator()).build();
 * AckResult r = acks.acknowledge(snapshot, group.rows(), "looking into it");
 * r.silenceIds();   // {eu=5d1e..., us=77ab...}
 * }</pre>
 */
public final class Acknowledger {

    /** Default acknowledgement length. */
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(15);

    private final AlertmanagerFleet fleet;
    private final String operator;
    private final Duration duration;
    private final AlertActionListener listener;
    private final Clock clock;

    private Acknowledger(Builder b) {
        this.fleet = b.fleet;
        this.operator = b.operator;
        this.duration = b.duration;
        this.listener = b.listener;
        this.clock = b.clock;
    }

    public static Builder builder(AlertmanagerFleet fleet) {
        return new Builder(fleet);
    }

    /** The comment an acknowledgement with this text carries. */
    public static String comment(String text) {
        String t = text == null ? "" : text.strip();
        return Acknowledgement.PREFIX + " " + (t.isEmpty() ? "" : t + " ") + "(via OpsDeck)";
    }

    /**
     * The matchers per cluster, checked against every current alert of the snapshot (suppressed ones too).
     *
     * @throws AckRefusedException when a cluster's silence would also cover alerts not chosen
     */
    public static Map<String, List<Matcher>> plan(WorkspaceSnapshot snapshot, Collection<AlertRow> rows) {
        Map<String, List<AlertRow>> byCluster = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.resolved())
                .forEach(r -> byCluster.computeIfAbsent(r.cluster(), c -> new ArrayList<>()).add(r));
        if (byCluster.isEmpty()) {
            throw new IllegalArgumentException("nothing to acknowledge: no firing or suppressed alert chosen");
        }
        Map<String, List<Matcher>> plan = new LinkedHashMap<>();
        byCluster.forEach((cluster, targets) -> {
            List<Matcher> matchers = AckMatchers.of(targets);
            CompiledMatchers compiled = new CompiledMatchers(matchers);
            Set<String> wanted = new HashSet<>();
            targets.forEach(t -> wanted.add(t.key()));
            List<AlertRow> extra = snapshot.currentRows(cluster).stream()
                    .filter(r -> !wanted.contains(r.key()) && compiled.matches(r.alert().labels())).toList();
            if (!extra.isEmpty()) {
                String examples = extra.stream().limit(3).map(Acknowledger::describe).collect(Collectors.joining("; "));
                throw new AckRefusedException("Not acknowledged: on cluster " + cluster + " the silence "
                        + matchers.stream().map(Matcher::toString).collect(Collectors.joining(", ", "{", "}"))
                        + " would also cover " + extra.size() + " alert(s) not chosen (" + examples
                        + (extra.size() > 3 ? "; ..." : "") + "). Acknowledge them together, or fewer at a time.");
            }
            plan.put(cluster, matchers);
        });
        return plan;
    }

    /**
     * Creates one acknowledgement silence per cluster of the rows. Everything is checked before anything is sent.
     *
     * @throws AckRefusedException when a silence would cover more than the chosen alerts (nothing is sent)
     */
    public AckResult acknowledge(WorkspaceSnapshot snapshot, Collection<AlertRow> rows, String text) {
        Map<String, List<Matcher>> plan = plan(snapshot, rows);
        Instant now = clock.instant();
        Instant endsAt = now.plus(duration);
        String comment = comment(text);
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        plan.forEach((cluster, matchers) -> {
            try {
                String id = fleet.createSilenceOnCluster(cluster,
                        new SilenceSpec(null, matchers, now, endsAt, operator, comment));
                ids.put(cluster, id);
                listener.onAction(new AlertAction(AlertAction.Kind.ACKNOWLEDGE, cluster, id, null, operator,
                        matchers, comment, now, endsAt));
            } catch (AlertmanagerException e) {
                failures.put(cluster, e.getMessage());
            }
        });
        return new AckResult(ids, plan, failures, comment, endsAt);
    }

    /** Acknowledges every alert of a group. */
    public AckResult acknowledge(WorkspaceSnapshot snapshot, RowGroup group, String text) {
        return acknowledge(snapshot, group.rows(), text);
    }

    /** Expires the acknowledgement silences covering these rows (once each); rows without one are skipped. */
    public ExpireResult unacknowledge(Collection<AlertRow> rows) {
        Set<SilenceId> ids = new LinkedHashSet<>();
        rows.forEach(r -> r.acknowledgement().ifPresent(a -> ids.add(new SilenceId(r.cluster(), a.silenceId()))));
        return expire(ids);
    }

    /**
     * Expires every active {@code ACK!} silence of the snapshot covering these rows, on their own clusters: a row
     * acknowledged twice (two ACK silences) is no longer acknowledged afterwards.
     */
    public ExpireResult unacknowledge(WorkspaceSnapshot snapshot, Collection<AlertRow> rows) {
        return expire(ackSilences(snapshot, rows));
    }

    /** The active {@code ACK!} silences of the snapshot covering any of these rows, in row order. */
    public static Set<SilenceId> ackSilences(WorkspaceSnapshot snapshot, Collection<AlertRow> rows) {
        Set<SilenceId> acks = new HashSet<>();
        snapshot.silences().stream()
                .filter(m -> m.silence().state() == io.opsdeck.alertmanager.SilenceState.ACTIVE
                        && Acknowledgement.isAckComment(m.silence().comment()))
                .forEach(m -> acks.add(new SilenceId(m.cluster(), m.silence().id())));
        Set<SilenceId> ids = new LinkedHashSet<>();
        for (AlertRow r : rows) {
            r.acknowledgement().ifPresent(a -> ids.add(new SilenceId(r.cluster(), a.silenceId())));
            for (String id : r.alert().status().silencedBy()) {
                SilenceId sid = new SilenceId(r.cluster(), id);
                if (acks.contains(sid)) {
                    ids.add(sid);
                }
            }
        }
        return ids;
    }

    private ExpireResult expire(Set<SilenceId> ids) {
        List<SilenceId> expired = new ArrayList<>();
        Map<SilenceId, String> failures = new LinkedHashMap<>();
        for (SilenceId id : ids) {
            try {
                fleet.expireSilenceOnCluster(id.cluster(), id.id());
                expired.add(id);
                Instant now = clock.instant();
                listener.onAction(new AlertAction(AlertAction.Kind.UNACKNOWLEDGE, id.cluster(), id.id(), null,
                        operator, List.of(), "", now, now));
            } catch (AlertmanagerException e) {
                failures.put(id, e.getMessage());
            }
        }
        return new ExpireResult(expired, failures);
    }

    private static String describe(AlertRow row) {
        return row.alertname() + row.alert().labels().entrySet().stream()
                .filter(e -> !e.getKey().equals("alertname"))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Matcher.equal(e.getKey(), e.getValue()).toString())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Settings; only the fleet is required. */
    public static final class Builder {
        private final AlertmanagerFleet fleet;
        private String operator = OsUser.name();
        private Duration duration = DEFAULT_DURATION;
        private AlertActionListener listener = AlertActionListener.none();
        private Clock clock = Clock.systemUTC();

        private Builder(AlertmanagerFleet fleet) {
            this.fleet = Objects.requireNonNull(fleet, "fleet");
        }

        /** The silences' createdBy, e.g. {@code OpsdeckConfig.operator()}. Default: the OS user. */
        public Builder operator(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the operator name must not be blank");
            }
            this.operator = name.strip();
            return this;
        }

        /** How long an acknowledgement lasts. Default: 15 minutes. */
        public Builder duration(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("an acknowledgement must last longer than zero, not " + d);
            }
            this.duration = d;
            return this;
        }

        /** Told about every acknowledgement made. Default: none. */
        public Builder listener(AlertActionListener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        /** Default: the system UTC clock. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Acknowledger build() {
            return new Acknowledger(this);
        }
    }
}
