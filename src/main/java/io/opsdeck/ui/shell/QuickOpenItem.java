package io.opsdeck.ui.shell;

/**
 * One quick-open result.
 *
 * @param kind   what it opens
 * @param label  shown text (plain, may contain untrusted alert text)
 * @param target dashboard id, host name or alert fingerprint
 */
public record QuickOpenItem(Kind kind, String label, String target) {

    /** What an item opens. */
    public enum Kind { DASHBOARD, HOST, ALERT }
}
