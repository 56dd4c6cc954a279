package io.opsdeck.alerts;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The compiled filter terms; patterns arrive compiled, free text lower-cased, so a test is cheap per row. */
final class FilterTerms {

    private FilterTerms() {
    }

    /** Label matcher with Alertmanager semantics; {@code pattern} non-null for the regex operators. */
    static Filter.Term label(String name, String value, Pattern pattern, boolean negate) {
        if (pattern != null) {
            return (row, now) -> pattern.matcher(row.label(name)).matches() != negate;
        }
        return (row, now) -> value.equals(row.label(name)) != negate;
    }

    static Filter.Term flag(String name) {
        return switch (name) {
            case "acked" -> (row, now) -> row.acked();
            case "silenced" -> (row, now) -> row.silenced();
            case "inhibited" -> (row, now) -> row.inhibited();
            case "stale" -> (row, now) -> row.stale();
            case "firing" -> (row, now) -> row.state() == RowState.FIRING;
            case "resolved" -> (row, now) -> row.resolved();
            default -> throw new IllegalArgumentException("unknown flag @" + name);
        };
    }

    static Filter.Term age(String op, Duration limit) {
        return switch (op) {
            case ">" -> (row, now) -> row.age(now).compareTo(limit) > 0;
            case ">=" -> (row, now) -> row.age(now).compareTo(limit) >= 0;
            case "<" -> (row, now) -> row.age(now).compareTo(limit) < 0;
            default -> (row, now) -> row.age(now).compareTo(limit) <= 0;
        };
    }

    static Filter.Term state(Set<RowState> states, boolean negate) {
        return (row, now) -> states.contains(row.state()) != negate;
    }

    /** Holds when any receiver matches (for {@code !=}/{@code !~}: when none does). */
    static Filter.Term receiver(String value, Pattern pattern, boolean negate) {
        return (row, now) -> {
            for (String r : row.alert().receivers()) {
                if (pattern == null ? value.equals(r) : pattern.matcher(r).matches()) {
                    return !negate;
                }
            }
            return negate;
        };
    }

    static Filter.Term cluster(String value, Pattern pattern, boolean negate) {
        return (row, now) -> (pattern == null ? value.equals(row.cluster())
                : pattern.matcher(row.cluster()).matches()) != negate;
    }

    static Filter.Term freeText(String word) {
        String needle = word.toLowerCase(Locale.ROOT);
        return (row, now) -> row.searchText().contains(needle);
    }
}
