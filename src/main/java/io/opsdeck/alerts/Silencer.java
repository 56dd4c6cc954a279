package io.opsdeck.alerts;

import io.opsdeck.alertmanager.AlertmanagerException;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.alertmanager.Matcher;
import io.opsdeck.alertmanager.MergedSilence;
import io.opsdeck.alertmanager.Silence;
import io.opsdeck.alertmanager.SilenceSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends silences: create from a draft on its clusters, edit, extend, expire, bulk expire. A draft that is invalid,
 * or broad and not confirmed, is never sent. Every accepted change goes to the {@link AlertActionListener}.
 *
 * <pre>{@code
 * Silencer silencer = Silencer.builder(fleet).listener(audit).build();
 * SilencePreview p = SilencePreview.of(draft, snapshot);
 * SilenceOutcome out = silencer.save(draft, snapshot, typedConfirmation);   // typed may be null if not needed
 * }</pre>
 */
public final class Silencer {

    private final AlertmanagerFleet fleet;
    private final AlertActionListener listener;
    private final int confirmAbove;
    private final Clock clock;

    private Silencer(Builder b) {
        this.fleet = b.fleet;
        this.listener = b.listener;
        this.confirmAbove = b.confirmAbove;
        this.clock = b.clock;
    }

    public static Builder builder(AlertmanagerFleet fleet) {
        return new Builder(fleet);
    }

    /** The preview with this silencer's confirmation threshold. */
    public SilencePreview preview(SilenceDraft draft, WorkspaceSnapshot snapshot) {
        return SilencePreview.of(draft, snapshot, confirmAbove);
    }

    /**
     * Creates the draft's silence on each chosen cluster, or updates the edited silence.
     *
     * @param confirmation what the user typed for a broad silence ({@code null} when none was asked)
     * @throws SilenceDraftException when the draft is invalid or needs a confirmation not given; nothing is sent
     */
    public SilenceOutcome save(SilenceDraft draft, WorkspaceSnapshot snapshot, String confirmation) {
        Instant now = clock.instant();
        List<DraftProblem> problems = draft.validate(now);
        if (!problems.isEmpty()) {
            throw new SilenceDraftException(problems);
        }
        SilencePreview preview = preview(draft, snapshot);
        if (preview.confirmation().isPresent() && !preview.confirmation().get().accepts(confirmation)) {
            throw new SilenceDraftException(preview.confirmation().get());
        }
        List<Matcher> matchers = draft.toMatchers();
        SilenceSpec spec = new SilenceSpec(draft.editingId(), matchers, draft.startsAt(), draft.endsAt(),
                draft.createdBy(), draft.comment());
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        if (draft.isEdit()) {
            String cluster = draft.editingCluster();
            try {
                String id = fleet.createSilenceOnCluster(cluster, spec);
                ids.put(cluster, id);
                String replaced = id.equals(draft.editingId()) ? null : draft.editingId();
                listener.onAction(new AlertAction(AlertAction.Kind.SILENCE_EDIT, cluster, id, replaced,
                        draft.createdBy(), matchers, draft.comment(), now, draft.endsAt()));
                String message = replaced == null ? "Silence " + id + " updated."
                        : "Alertmanager created a new silence " + id + " for the changed matchers and expired "
                        + replaced + ".";
                return new SilenceOutcome(ids, failures, replaced, message);
            } catch (AlertmanagerException e) {
                failures.put(cluster, e.getMessage());
                return new SilenceOutcome(ids, failures, null, "Silence " + draft.editingId() + " not updated: "
                        + e.getMessage());
            }
        }
        for (String cluster : draft.clusters().stream().sorted().toList()) {
            try {
                String id = fleet.createSilenceOnCluster(cluster, spec);
                ids.put(cluster, id);
                listener.onAction(new AlertAction(AlertAction.Kind.SILENCE_CREATE, cluster, id, null,
                        draft.createdBy(), matchers, draft.comment(), now, draft.endsAt()));
            } catch (AlertmanagerException e) {
                failures.put(cluster, e.getMessage());
            }
        }
        String message = "Silence created on " + ids.size() + " of " + draft.clusters().size() + " cluster(s)"
                + (failures.isEmpty() ? "." : "; failed on " + String.join(", ", failures.keySet()) + ".");
        return new SilenceOutcome(ids, failures, null, message);
    }

    /** Moves the silence's end {@code by} later (from now if it already ended); the id stays. */
    public String extend(MergedSilence merged, Duration by, String actor) {
        Silence s = merged.silence();
        Instant now = clock.instant();
        Instant base = s.endsAt().isAfter(now) ? s.endsAt() : now;
        Instant end = base.plus(by);
        String id = fleet.createSilenceOnCluster(merged.cluster(), s.toSpec().withEndsAt(end));
        listener.onAction(new AlertAction(AlertAction.Kind.SILENCE_EXTEND, merged.cluster(), id,
                id.equals(s.id()) ? null : s.id(), actor, s.matchers(), s.comment(), now, end));
        return id;
    }

    /** Expires one silence. */
    public void expire(SilenceId id, String actor) {
        fleet.expireSilenceOnCluster(id.cluster(), id.id());
        Instant now = clock.instant();
        listener.onAction(new AlertAction(AlertAction.Kind.SILENCE_EXPIRE, id.cluster(), id.id(), null, actor,
                List.of(), "", now, now));
    }

    /** Expires each silence once; one failure does not stop the others. */
    public ExpireResult expireAll(Collection<SilenceId> ids, String actor) {
        List<SilenceId> expired = new ArrayList<>();
        Map<SilenceId, String> failures = new LinkedHashMap<>();
        for (SilenceId id : new java.util.LinkedHashSet<>(ids)) {
            try {
                expire(id, actor);
                expired.add(id);
            } catch (AlertmanagerException | IllegalArgumentException e) {
                failures.put(id, e.getMessage());
            }
        }
        return new ExpireResult(expired, failures);
    }

    /** Settings; only the fleet is required. */
    public static final class Builder {
        private final AlertmanagerFleet fleet;
        private AlertActionListener listener = AlertActionListener.none();
        private int confirmAbove = SilencePreview.DEFAULT_CONFIRM_ABOVE;
        private Clock clock = Clock.systemUTC();

        private Builder(AlertmanagerFleet fleet) {
            this.fleet = Objects.requireNonNull(fleet, "fleet");
        }

        /** Told about every change. Default: none. */
        public Builder listener(AlertActionListener l) {
            this.listener = Objects.requireNonNull(l, "listener");
            return this;
        }

        /** Silences matching more alerts than this need a typed confirmation. Default: 20. */
        public Builder confirmAbove(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("the confirmation threshold must be 0 or more, not " + count);
            }
            this.confirmAbove = count;
            return this;
        }

        /** Default: the system UTC clock. */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        public Silencer build() {
            return new Silencer(this);
        }
    }
}
