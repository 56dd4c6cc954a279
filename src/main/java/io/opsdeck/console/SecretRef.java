package io.opsdeck.console;

import java.util.Objects;

/**
 * Where a secret lives; never the secret itself. Shown to the operator masked, with only its kind and place.
 *
 * @param kind     environment variable, file, or OS keyring entry
 * @param location the variable name, file path, or keyring entry name
 */
public record SecretRef(Kind kind, String location) {

    /** Where secrets can be kept. */
    public enum Kind { ENV, FILE, KEYRING }

    public SecretRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
    }

    /** The config syntax: {@code ${NAME}}, {@code file:/path}, or {@code keyring:entry}. */
    public String reference() {
        return switch (kind) {
            case ENV -> "${" + location + "}";
            case FILE -> "file:" + location;
            case KEYRING -> "keyring:" + location;
        };
    }
}
