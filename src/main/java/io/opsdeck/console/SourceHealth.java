package io.opsdeck.console;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest known health of one source.
 *
 * @param name           the source's configured name, e.g. "prometheus-a"
 * @param kind           Prometheus, Alertmanager or the agent
 * @param lastGoodAnswer when it last answered well; null when it never has
 * @param lastError      the last error message (already free of secrets); null when the last call succeeded
 */
public record SourceHealth(String name, SourceKind kind, Instant lastGoodAnswer, String lastError) {

    public SourceHealth {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public Optional<Instant> lastGood() {
        return Optional.ofNullable(lastGoodAnswer);
    }

    public Optional<String> error() {
        return Optional.ofNullable(lastError);
    }

    public SourceHealth answered(Instant at) {
        return new SourceHealth(name, kind, at, null);
    }

    public SourceHealth failed(String error) {
        return new SourceHealth(name, kind, lastGoodAnswer, error);
    }
}
