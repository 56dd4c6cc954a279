package io.opsdeck.ui.shell;

/**
 * One keyboard shortcut for the help overlay.
 *
 * @param keys       e.g. "Ctrl+K"
 * @param messageKey what it does, a messages.properties key
 */
public record Shortcut(String keys, String messageKey) {
}
