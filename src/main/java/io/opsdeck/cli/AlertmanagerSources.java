package io.opsdeck.cli;

import io.opsdeck.alertmanager.AlertmanagerClient;
import io.opsdeck.alertmanager.AlertmanagerFleet;
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

    /** One Alertmanager to ask. */
    record Source(String name, String cluster, URI url) {
    }

    private AlertmanagerSources() {
    }

    /**
     * SEAM for io.opsdeck.config: the Alertmanagers (name, cluster, URL) the configuration file lists. Until the
     * configuration is wired in here this finds none, so commands need {@code --url}. The HTTP client with auth/TLS
     * should then come from io.opsdeck.http.HttpClients in {@link #connect}.
     */
    static List<Source> fromConfiguration(GlobalOptions global) {
        return List.of();
    }

    static List<Source> resolve(CommandLine cli, AlertmanagerOptions options, GlobalOptions global) {
        if (options.urls.isEmpty()) {
            List<Source> configured = fromConfiguration(global);
            if (configured.isEmpty()) {
                throw new CommandLine.ParameterException(cli, "no Alertmanager to ask: pass --url URL "
                        + "(repeatable; add --cluster NAME when the URLs are HA peers of one cluster)");
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
            sources.add(new Source(name, options.cluster != null ? options.cluster : name, url));
        }
        return sources;
    }

    /** A fleet that owns one client per source. */
    static AlertmanagerFleet connect(List<Source> sources, Duration timeout) {
        AlertmanagerFleet.Builder fleet = AlertmanagerFleet.builder();
        for (Source source : sources) {
            fleet.add(source.cluster(), AlertmanagerClient.builder(source.url()).name(source.name()).timeout(timeout).build());
        }
        return fleet.build();
    }
}
