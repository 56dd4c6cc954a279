package io.opsdeck.alerts;

/**
 * One reason a silence draft cannot be sent, placed so the editor can show it inline.
 *
 * @param matcherIndex 0-based index of the offending matcher for {@link Field#MATCHER}, otherwise -1
 */
public record DraftProblem(Field field, int matcherIndex, String message) {

    /** Where the problem is. */
    public enum Field { MATCHERS, MATCHER, COMMENT, CREATED_BY, END, CLUSTERS }

    /** {@code matcher 2: invalid regex "crit(": Unclosed group} (1-based for people). */
    @Override
    public String toString() {
        return field == Field.MATCHER ? "matcher " + (matcherIndex + 1) + ": " + message : message;
    }
}
