package io.opsdeck.alerts;

import java.util.Objects;
import java.util.Optional;

/**
 * The filter box's state: what is typed, whether it parses, and the filter applied, which stays the last good one
 * while the text has an error, so the list does not flash empty on every half-typed term.
 *
 * <pre>{@code
 * FilterState state = FilterState.initial();
 * state = state.edit("severity=critical");   // applied: severity=critical
 * state = state.edit("severity=~\"crit(");   // error at col 10, applied: still severity=critical
 * }</pre>
 *
 * @param text    the text as typed
 * @param error   the text's error, empty when it parses
 * @param applied the filter in effect: the text's own when it parses, the last good one otherwise
 */
public record FilterState(String text, Optional<FilterError> error, Filter applied) {

    public FilterState {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(applied, "applied");
    }

    /** Empty text, everything shown. */
    public static FilterState initial() {
        return new FilterState("", Optional.empty(), Filter.ALL);
    }

    /** The state after the text changed to {@code newText}. */
    public FilterState edit(String newText) {
        try {
            return new FilterState(newText, Optional.empty(), Filter.parse(newText));
        } catch (FilterException e) {
            return new FilterState(newText, Optional.of(e.error()), applied);
        }
    }

    /** Whether the applied filter is not the text's own (the text has an error). */
    public boolean showingLastGood() {
        return error.isPresent();
    }
}
