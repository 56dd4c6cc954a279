package io.opsdeck.alerts;

/**
 * What is wrong with a filter text, and where, so a UI can underline it.
 *
 * @param offset  0-based index of the first offending character
 * @param length  how many characters to underline (at least 1, may run past the end for "missing" errors)
 * @param message the problem, without the position
 */
public record FilterError(int offset, int length, String message) {

    /** 1-based column of the first offending character. */
    public int column() {
        return offset + 1;
    }

    /** {@code col 12: unclosed quote}. */
    @Override
    public String toString() {
        return "col " + column() + ": " + message;
    }
}
