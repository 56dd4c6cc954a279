package io.opsdeck.alerts;

/**
 * One completion proposal: replace {@code text[replaceFrom, replaceTo)} with {@code insert}.
 *
 * @param display what the popup shows
 * @param insert  the text to insert (values that need it come quoted)
 * @param detail  a hint, e.g. how many current alerts carry the value
 */
public record Completion(String display, String insert, int replaceFrom, int replaceTo, String detail) {

    /** The text after accepting this proposal. */
    public String applyTo(String text) {
        return text.substring(0, replaceFrom) + insert + text.substring(replaceTo);
    }
}
