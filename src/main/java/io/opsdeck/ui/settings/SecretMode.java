package io.opsdeck.ui.settings;

/** How the Settings form handles a source's secret. */
public enum SecretMode {
    /** No secret. */
    NONE,
    /** Keep the reference already stored. */
    KEEP,
    /** Read it from an environment variable (nothing typed). */
    ENV,
    /** Type it once; it goes to a private file. */
    FILE,
    /** Type it once; it goes to the OS keyring (when the desktop has one). */
    KEYRING
}
