package io.opsdeck.console;

import java.util.Objects;
import java.util.Optional;

/**
 * One configured source as the Settings view edits it. Holds a reference to the secret, never the secret.
 *
 * @param name   unique name, e.g. "prometheus-a"
 * @param kind   Prometheus, Alertmanager or agent
 * @param url    base URL
 * @param secret where its bearer token or password lives; null for none
 */
public record SourceSettings(String name, SourceKind kind, String url, SecretRef secret) {

    public SourceSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
    }

    public Optional<SecretRef> secretRef() {
        return Optional.ofNullable(secret);
    }
}
