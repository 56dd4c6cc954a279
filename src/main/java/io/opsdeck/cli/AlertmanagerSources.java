package io.opsdeck.cli;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
import io.opsdeck.config.AlertmanagerSource;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.http.ConnectionSettings;
import io.opsdeck.http.HttpClients;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Resolves the Alertmanagers the {@code alerts} and {@code silences} commands ask: {@code --url} options first,
 * else the configuration file (see {@link #fromConfiguration}).
 */
final class AlertmanagerSources {

    /** One Alertmanager to ask; {@code connection} is null for a bare {@code --url}. */
    record Source(String name, String cluster, URI url, ConnectionSettings connection) {
    }

    private AlertmanagerSources() {
    }

    /** The Alertmanagers the configuration file lists, with their clusters and connection settings. */
    static List<Source> fromConfiguration(CommandLine cli, GlobalOptions global) {
        OpsdeckConfig config = ConfiguredSources.load(cli, global);
        List<Source> sources = new ArrayList<>();
        for (AlertmanagerSource am : config.alertmanagers()) {
            sources.add(new Source(am.name(), am.cluster(), am.connection().url().uri(), am.connection()));
        }
        return sources;
    }

    static List<Source> resolve(CommandLine cli, AlertmanagerOptions options, GlobalOptions global) {
        if (options.urls.isEmpty()) {
            List<Source> configured = fromConfiguration(cli, global);
            if (configured.isEmpty()) {
                throw new CommandLine.ParameterException(cli, "no Alertmanager to ask: configure one (see docs/configuration.md) "
                        + "or pass --url URL (repeatable; add --cluster NAME when the URLs are HA peers of one cluster)");
            }
            return configured;
        }
        Set<URI> distinct = new LinkedHashSet<>(options.urls);
        List<Source> sources = new ArrayList<>();
        for (URI url : distinct) {
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new CommandLine.ParameterException(cli, "--url '" + url.getScheme() + "://" + url.getHost()
                        + "…' is not an http(s) URL with a host, e.g. http://127.0.0.1:9093");
            }
            int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
            String path = url.getPath() == null || url.getPath().equals("/") ? "" : url.getPath();
            String name = url.getHost() + ":" + port + path;
            sources.add(new Source(name, options.cluster != null ? options.cluster : name, url, null));
        }
        return sources;
    }

    /** A fleet that owns one client per source. */
    static AlertmanagerFleet connect(List<Source> sources, Duration timeout) {
        AlertmanagerFleet.Builder fleet = AlertmanagerFleet.builder();
        for (Source source : sources) {
            AlertmanagerClient.Builder client = AlertmanagerClient.builder(source.url()).name(source.name()).timeout(timeout);
            if (source.connection() != null) {
                client.httpClient(HttpClients.forSource(source.connection()))
                        .maxResponseBytes(source.connection().maxResponseBytes());
            }
            fleet.add(source.cluster(), client.build());
        }
        return fleet.build();
    }
}
