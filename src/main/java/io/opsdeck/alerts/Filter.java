package io.opsdeck.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A compiled filter: every term must hold (AND). Parse once, then test rows as often as needed; regular expressions
 * are compiled at parse time and free text is compared with each row's pre-built lower-case index.
 *
 * <p>Terms, separated by spaces:
 * <ul>
 *   <li>{@code label=value}, {@code label!=value}, {@code label=~regex}, {@code label!~regex}: Alertmanager semantics
 *   (a missing label is the empty string; regexes match the whole value); values bare or {@code "quoted"}</li>
 *   <li>{@code @state=firing|acked}: {@code active}, {@code suppressed}, {@code firing}, {@code acked},
 *   {@code silenced}, {@code inhibited}, {@code resolved}; also {@code !=}</li>
 *   <li>{@code @receiver=...}, {@code @cluster=...} with the four label operators</li>
 *   <li>{@code @age>10m}, {@code @age<1h} (also {@code >=}, {@code <=})</li>
 *   <li>{@code @acked}, {@code @silenced}, {@code @inhibited}, {@code @stale}, {@code @firing}, {@code @resolved}</li>
 *   <li>anything else: case-insensitive substring of alertname, summary, description or a label value</li>
 * </ul>
 *
 * <pre>{@code
 * Filter f = Filter.parse("severity=~\"crit|warn\" @age>10m disk");
 * boolean keep = f.test(row, snapshot.takenAt());
 * }</pre>
 */
public final class Filter {

    /** One compiled term. */
    interface Term {
        boolean test(AlertRow row, Instant now);

        /** Adds to {@code out} the rows of {@code in} (display indexes) this term keeps; columnar terms override. */
        default void select(ViewCache cache, java.util.BitSet in, java.util.BitSet out) {
            for (int i = in.nextSetBit(0); i >= 0; i = in.nextSetBit(i + 1)) {
                if (test(cache.row(i), cache.now())) {
                    out.set(i);
                }
            }
        }

        /**
         * The source of a term that keeps a superset of this one's rows (free text {@code "sev"} for {@code "seve"}),
         * so typing can narrow the previous keystroke's rows instead of scanning all; {@code null} when none.
         */
        default String widerSource(String source) {
            return null;
        }
    }

    /** A term with the text it was parsed from. */
    record Parsed(Term term, String source) {
    }

    /** Keeps every row. */
    public static final Filter ALL = new Filter("", List.of());

    private final String text;
    private final Term[] terms;
    private final String[] sources;

    Filter(String text, List<Parsed> parsed) {
        this.text = text;
        this.terms = parsed.stream().map(Parsed::term).toArray(Term[]::new);
        this.sources = parsed.stream().map(Parsed::source).toArray(String[]::new);
    }

    int termCount() {
        return terms.length;
    }

    Term term(int i) {
        return terms[i];
    }

    /** A key for the conjunction of the first {@code n} terms: equal keys select equal rows in one snapshot. */
    String prefixKey(int n) {
        return String.join("\u0000", java.util.Arrays.asList(sources).subList(0, n));
    }

    /** The key of the first {@code n} terms followed by a term with source {@code last}. */
    String prefixKey(int n, String last) {
        return n == 0 ? last : prefixKey(n) + "\u0000" + last;
    }

    String source(int i) {
        return sources[i];
    }

    /**
     * Compiles a filter text; blank text keeps everything.
     *
     * @throws FilterException with the position and reason of the first error
     */
    public static Filter parse(String text) {
        Objects.requireNonNull(text, "text");
        return new Filter(text, new FilterParser(text).parse());
    }

    /** The text this filter was parsed from. */
    public String text() {
        return text;
    }

    /** Whether the row passes every term; {@code now} is the reference time for {@code @age}. */
    public boolean test(AlertRow row, Instant now) {
        for (Term term : terms) {
            if (!term.test(row, now)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the filter keeps everything. */
    public boolean isEmpty() {
        return terms.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter f && f.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return "Filter[" + text + "]";
    }
}
