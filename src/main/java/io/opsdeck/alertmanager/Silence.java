package io.opsdeck.alertmanager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A silence as an Alertmanager holds it ({@code GET /api/v2/silences}). */
public record Silence(
        String id,
        List<Matcher> matchers,
        Instant startsAt,
        Instant endsAt,
        String createdBy,
        String comment,
        SilenceState state,
        Instant updatedAt) {

    public Silence {
        Objects.requireNonNull(id, "id");
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(state, "state");
        createdBy = createdBy == null ? "" : createdBy;
        comment = comment == null ? "" : comment;
    }

    /** Whether every matcher accepts the label set, i.e. this silence would mute such an alert while active. */
    public boolean matches(Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }

    /** A spec carrying this silence's id and fields, the starting point of an update. */
    public SilenceSpec toSpec() {
        return new SilenceSpec(id, matchers, startsAt, endsAt, createdBy, comment);
    }
}
