package io.opsdeck.alerts;

import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.MergedSilence;
import io.opsdeck.alertmanager.Silence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The silence editor's model: matchers as typed, start and end, comment, author and target clusters. Immutable:
 * every change returns a new draft. {@link #validate} says what stops it from being sent; {@link SilencePreview}
 * shows what it would mute; {@link Silencer} sends it.
 *
 * <pre>{@code
 * SilenceDraft d = SilenceDraft.forAlert(row, "ana", now).withPreset(DurationPreset.FOUR_HOURS, now)
 *         .withComment("disk swap on db-1");
 * List<DraftProblem> problems = d.validate(now);   // empty: ready to send
 * }</pre>
 *
 * @param editingId      the silence being edited, or {@code null} for a new one
 * @param editingCluster its cluster, or {@code null}
 * @param clusters       clusters to create the silence on (for an edit: exactly the silence's cluster)
 */
public record SilenceDraft(String editingId, String editingCluster, List<MatcherDraft> matchers, Instant startsAt,
                           Instant endsAt, String comment, String createdBy, Set<String> clusters) {

    /** Labels pre-filled from an alert; the others are offered by {@link #otherLabels}. */
    public static final List<String> PREFILLED = List.of("alertname", "instance", "job", "severity");

    public SilenceDraft {
        matchers = List.copyOf(matchers);
        comment = comment == null ? "" : comment;
        createdBy = createdBy == null ? "" : createdBy;
        clusters = Set.copyOf(new LinkedHashSet<>(clusters));
    }

    /** An empty draft starting now and lasting one hour. */
    public static SilenceDraft blank(String createdBy, Set<String> clusters, Instant now) {
        return new SilenceDraft(null, null, List.of(), now, now.plus(Duration.ofHours(1)), "", createdBy, clusters);
    }

    /** A draft for one alert: equal matchers for alertname, instance, job and severity (those it has), one hour. */
    public static SilenceDraft forAlert(AlertRow row, String createdBy, Instant now) {
        List<MatcherDraft> prefilled = new ArrayList<>();
        for (String name : PREFILLED) {
            String v = row.alert().labels().get(name);
            if (v != null) {
                prefilled.add(MatcherDraft.equal(name, v));
            }
        }
        return new SilenceDraft(null, null, prefilled, now, now.plus(Duration.ofHours(1)), "", createdBy,
                Set.of(row.cluster()));
    }

    /**
     * A draft for a group: an equal matcher per grouping label ({@code alertname="HostDown"}), on the group's
     * clusters, one hour. Grouping by the pseudo-label {@code cluster} (alerts without a real {@code cluster} label)
     * chooses the cluster instead of adding a matcher that would match nothing. A group keyed by no label gets
     * the labels all its alerts share with one value.
     */
    public static SilenceDraft forGroup(RowGroup group, String createdBy, Instant now) {
        Set<String> clusters = new LinkedHashSet<>();
        group.rows().forEach(r -> clusters.add(r.cluster()));
        List<MatcherDraft> matchers = new ArrayList<>();
        Map<String, String> key = group.key().asMap();
        key.forEach((name, value) -> {
            boolean pseudo = name.equals("cluster")
                    && group.rows().stream().noneMatch(r -> r.alert().labels().containsKey("cluster"));
            if (!pseudo) {
                matchers.add(MatcherDraft.equal(name, value));
            }
        });
        if (key.isEmpty() && !group.rows().isEmpty()) {
            try {
                AckMatchers.of(group.rows()).stream().filter(m -> m.isEqual() && !m.isRegex())
                        .forEach(m -> matchers.add(MatcherDraft.of(m)));
            } catch (IllegalArgumentException sharesNothing) {
                // the operator adds matchers by hand
            }
        }
        return new SilenceDraft(null, null, matchers, now, now.plus(Duration.ofHours(1)), "", createdBy, clusters);
    }

    /** A draft editing an existing silence; its author becomes {@code editor}. */
    public static SilenceDraft edit(MergedSilence merged, String editor) {
        Silence s = merged.silence();
        return new SilenceDraft(s.id(), merged.cluster(), s.matchers().stream().map(MatcherDraft::of).toList(),
                s.startsAt(), s.endsAt(), s.comment(), editor, Set.of(merged.cluster()));
    }

    /** Equal matchers for the alert's labels not pre-filled, sorted by name, to add with one click. */
    public static List<MatcherDraft> otherLabels(AlertRow row) {
        List<MatcherDraft> others = new ArrayList<>();
        new TreeMap<>(row.alert().labels()).forEach((k, v) -> {
            if (!PREFILLED.contains(k)) {
                others.add(MatcherDraft.equal(k, v));
            }
        });
        return others;
    }

    public boolean isEdit() {
        return editingId != null;
    }

    public SilenceDraft withMatchers(List<MatcherDraft> newMatchers) {
        return new SilenceDraft(editingId, editingCluster, newMatchers, startsAt, endsAt, comment, createdBy, clusters);
    }

    public SilenceDraft withMatcher(int index, MatcherDraft m) {
        List<MatcherDraft> copy = new ArrayList<>(matchers);
        copy.set(index, m);
        return withMatchers(copy);
    }

    public SilenceDraft addMatcher(MatcherDraft m) {
        List<MatcherDraft> copy = new ArrayList<>(matchers);
        copy.add(m);
        return withMatchers(copy);
    }

    public SilenceDraft removeMatcher(int index) {
        List<MatcherDraft> copy = new ArrayList<>(matchers);
        copy.remove(index);
        return withMatchers(copy);
    }

    /** Ends {@code d} after the later of the start and {@code now}. */
    public SilenceDraft withDuration(Duration d, Instant now) {
        Instant from = startsAt.isAfter(now) ? startsAt : now;
        return withEnd(from.plus(d));
    }

    public SilenceDraft withPreset(DurationPreset preset, Instant now) {
        return withDuration(preset.duration(), now);
    }

    /** An absolute end. */
    public SilenceDraft withEnd(Instant end) {
        return new SilenceDraft(editingId, editingCluster, matchers, startsAt, end, comment, createdBy, clusters);
    }

    public SilenceDraft withStart(Instant start) {
        return new SilenceDraft(editingId, editingCluster, matchers, start, endsAt, comment, createdBy, clusters);
    }

    public SilenceDraft withComment(String text) {
        return new SilenceDraft(editingId, editingCluster, matchers, startsAt, endsAt, text, createdBy, clusters);
    }

    public SilenceDraft withCreatedBy(String name) {
        return new SilenceDraft(editingId, editingCluster, matchers, startsAt, endsAt, comment, name, clusters);
    }

    public SilenceDraft withClusters(Set<String> chosen) {
        return new SilenceDraft(editingId, editingCluster, matchers, startsAt, endsAt, comment, createdBy, chosen);
    }

    /** Everything that stops this draft from being sent, in editor order; empty when it can be sent. */
    public List<DraftProblem> validate(Instant now) {
        List<DraftProblem> problems = new ArrayList<>();
        if (matchers.isEmpty()) {
            problems.add(new DraftProblem(DraftProblem.Field.MATCHERS, -1, "add at least one matcher"));
        }
        List<Matcher> parsed = new ArrayList<>();
        for (int i = 0; i < matchers.size(); i++) {
            try {
                parsed.add(matchers.get(i).toMatcher());
            } catch (IllegalArgumentException e) {
                problems.add(new DraftProblem(DraftProblem.Field.MATCHER, i, e.getMessage()));
            }
        }
        if (!parsed.isEmpty() && parsed.size() == matchers.size()
                && parsed.stream().allMatch(m -> m.matches(Map.of()))) {
            problems.add(new DraftProblem(DraftProblem.Field.MATCHERS, -1,
                    "every matcher also matches alerts without the label; add one that requires a value"
                            + " (Alertmanager refuses such silences)"));
        }
        if (comment.isBlank()) {
            problems.add(new DraftProblem(DraftProblem.Field.COMMENT, -1, "a comment is required: say why"));
        }
        if (createdBy.isBlank()) {
            problems.add(new DraftProblem(DraftProblem.Field.CREATED_BY, -1, "the author is required"));
        }
        if (startsAt == null || endsAt == null) {
            problems.add(new DraftProblem(DraftProblem.Field.END, -1, "start and end are required"));
        } else if (!endsAt.isAfter(startsAt)) {
            problems.add(new DraftProblem(DraftProblem.Field.END, -1, "the end must be after the start"));
        } else if (!endsAt.isAfter(now)) {
            problems.add(new DraftProblem(DraftProblem.Field.END, -1, "the end is in the past"));
        }
        if (clusters.isEmpty()) {
            problems.add(new DraftProblem(DraftProblem.Field.CLUSTERS, -1, "choose at least one cluster"));
        } else if (isEdit() && !clusters.equals(Set.of(editingCluster))) {
            problems.add(new DraftProblem(DraftProblem.Field.CLUSTERS, -1,
                    "an edit stays on the silence's cluster " + editingCluster));
        }
        return List.copyOf(problems);
    }

    /** The parsed matchers; throws when one is invalid (call {@link #validate} first to show why). */
    public List<Matcher> toMatchers() {
        return matchers.stream().map(MatcherDraft::toMatcher).toList();
    }
}
