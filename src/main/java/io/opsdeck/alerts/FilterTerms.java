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
        return new LabelTerm(name, value, pattern, negate);
    }

    /**
     * Tests each distinct value of the label once (a regex runs per value, not per row), then selects rows by their
     * value's code in the snapshot's column of that label.
     */
    private record LabelTerm(String name, String value, Pattern pattern, boolean negate) implements Filter.Term {

        private boolean accepts(String actual) {
            return (pattern == null ? value.equals(actual) : pattern.matcher(actual).matches()) != negate;
        }

        @Override
        public boolean test(AlertRow row, java.time.Instant now) {
            return accepts(row.label(name));
        }

        @Override
        public void select(ViewCache cache, java.util.BitSet in, java.util.BitSet out) {
            ViewCache.Column column = cache.column(name);
            boolean[] hit = new boolean[column.values().length];
            for (int d = 0; d < hit.length; d++) {
                hit[d] = accepts(column.values()[d]);
            }
            int[] codes = column.codes();
            for (int i = in.nextSetBit(0); i >= 0; i = in.nextSetBit(i + 1)) {
                if (hit[codes[i]]) {
                    out.set(i);
                }
            }
        }
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
        return new StateTerm(states, negate);
    }

    private record StateTerm(Set<RowState> states, boolean negate) implements Filter.Term {
        @Override
        public boolean test(AlertRow row, java.time.Instant now) {
            return states.contains(row.state()) != negate;
        }

        @Override
        public void select(ViewCache cache, java.util.BitSet in, java.util.BitSet out) {
            boolean[] keep = new boolean[RowState.values().length];
            for (RowState s : RowState.values()) {
                keep[s.ordinal()] = states.contains(s) != negate;
            }
            byte[] state = cache.states();
            for (int i = in.nextSetBit(0); i >= 0; i = in.nextSetBit(i + 1)) {
                if (keep[state[i]]) {
                    out.set(i);
                }
            }
        }
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
        return new FreeText(word.toLowerCase(Locale.ROOT));
    }

    private record FreeText(String needle) implements Filter.Term {
        @Override
        public boolean test(AlertRow row, java.time.Instant now) {
            return row.searchText().contains(needle);
        }

        /** A bare word one character shorter matches a superset: "contains sev" holds wherever "contains seve" does. */
        @Override
        public String widerSource(String source) {
            boolean bare = !source.isEmpty() && source.charAt(0) != '"';
            return bare && source.length() > 1 ? source.substring(0, source.length() - 1) : null;
        }
    }
}
