package io.opsdeck.alerts;

import java.util.List;
import java.util.stream.Collectors;

/** A silence draft that was not sent, because it is invalid or its broad match was not confirmed. */
public final class SilenceDraftException extends IllegalArgumentException {

    private final transient List<DraftProblem> problems;
    private final transient Confirmation confirmation;

    SilenceDraftException(List<DraftProblem> problems) {
        super("silence not sent: " + problems.stream().map(DraftProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
        this.confirmation = null;
    }

    SilenceDraftException(Confirmation confirmation) {
        super("silence not sent: " + confirmation.prompt());
        this.problems = List.of();
        this.confirmation = confirmation;
    }

    /** The validation problems; empty when only the confirmation is missing. */
    public List<DraftProblem> problems() {
        return problems;
    }

    /** The confirmation the user must give, or {@code null} when the draft is invalid. */
    public Confirmation confirmation() {
        return confirmation;
    }
}
