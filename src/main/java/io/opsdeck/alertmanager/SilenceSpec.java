package io.opsdeck.alertmanager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to send to create or update a silence. With an {@code id} it updates that silence; Alertmanager 0.25 keeps
 * the id when only {@code endsAt}, {@code comment} or {@code createdBy} change, but expires the old silence and
 * answers a new id when the matchers (or the start of an active silence) change.
 *
 * <pre>{@code
 * SilenceSpec spec = SilenceSpec.of(List.of(Matcher.parse("instance=\"db-1\"")), Duration.ofHours(2), "ana", "disk swap");
 * String id = client.createOrUpdateSilence(spec);
 * }</pre>
 *
 * @param id       {@code null} to create a new silence
 * @param startsAt Alertmanager moves a start in the past to "now"
 */
public record SilenceSpec(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
                          String comment) {

    public SilenceSpec {
        matchers = List.copyOf(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher");
        }
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        createdBy = createdBy == null ? "" : createdBy;
        comment = comment == null ? "" : comment;
    }

    /** A new silence starting now and lasting {@code duration}. */
    public static SilenceSpec of(List<Matcher> matchers, Duration duration, String createdBy, String comment) {
        Instant now = Instant.now();
        return new SilenceSpec(null, matchers, now, now.plus(duration), createdBy, comment);
    }

    public SilenceSpec withId(String newId) {
        return new SilenceSpec(newId, matchers, startsAt, endsAt, createdBy, comment);
    }

    public SilenceSpec withMatchers(List<Matcher> newMatchers) {
        return new SilenceSpec(id, newMatchers, startsAt, endsAt, createdBy, comment);
    }

    public SilenceSpec withEndsAt(Instant newEndsAt) {
        return new SilenceSpec(id, matchers, startsAt, newEndsAt, createdBy, comment);
    }

    public SilenceSpec withComment(String newComment) {
        return new SilenceSpec(id, matchers, startsAt, endsAt, createdBy, newComment);
    }
}
