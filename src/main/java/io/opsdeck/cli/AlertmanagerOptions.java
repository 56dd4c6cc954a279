package io.opsdeck.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which Alertmanagers {@code alerts} and {@code silences} ask. */
public final class AlertmanagerOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "Alertmanager base URL, repeatable. Each is its own cluster unless --cluster is given.")
    List<URI> urls = new ArrayList<>();

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "Treat every --url as a peer of this one HA cluster (alerts are then merged across them).")
    String cluster;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Per-Alertmanager time limit in seconds. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;
}
