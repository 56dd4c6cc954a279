package io.opsdeck.console;

/** What kind of thing the console talks to. */
public enum SourceKind {
    PROMETHEUS, ALERTMANAGER, AGENT
}
