package io.opsdeck.console;

import java.io.IOException;
import java.util.Optional;

/**
 * Stores a secret the operator typed once and hands back a reference to it. Blocking: call it off the UI thread.
 */
public interface SecretStore {

    /** Writes the secret to a private file (mode 600) and returns its reference. */
    SecretRef storeInFile(String sourceName, char[] secret) throws IOException;

    /** Why the OS keyring cannot be used here, or empty when it can. */
    Optional<String> keyringUnavailableReason();

    /** Stores the secret in the OS keyring; fails when {@link #keyringUnavailableReason()} is present. */
    SecretRef storeInKeyring(String sourceName, char[] secret) throws IOException;
}
