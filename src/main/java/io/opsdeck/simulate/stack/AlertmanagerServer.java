package io.opsdeck.simulate.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Alertmanager on a free loopback port; several of them form an HA cluster gossiping on loopback.
 *
 * <pre>{@code
 * List<AlertmanagerServer> pair = AlertmanagerServer.startCluster(dir, 2, AlertmanagerServer.NULL_RECEIVER_CONFIG);
 * }</pre>
 */
public final class AlertmanagerServer extends ManagedProcess {

    /** Routes everything to a receiver that sends nothing, with short waits for tests. */
    public static final String NULL_RECEIVER_CONFIG = """
            route:
              receiver: 'null'
              group_by: ['alertname']
              group_wait: 1s
              group_interval: 1s
              repeat_interval: 1h
            receivers:
              - name: 'null'
            """;

    private final int port;
    private final int clusterPort;

    private AlertmanagerServer(List<String> command, Path dir, int port, int clusterPort) {
        super("alertmanager-" + port, command, dir);
        this.port = port;
        this.clusterPort = clusterPort;
    }

    /** One Alertmanager with clustering switched off. */
    public static AlertmanagerServer start(Path dir, String configYaml) {
        return launch(dir, configYaml, FreePorts.next(), 0, List.of());
    }

    /** {@code size} Alertmanagers that are peers of each other, each in a sub-folder of {@code dir}. */
    public static List<AlertmanagerServer> startCluster(Path dir, int size, String configYaml) {
        List<Integer> clusterPorts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            clusterPorts.add(FreePorts.next());
        }
        List<AlertmanagerServer> peers = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                int own = clusterPorts.get(i);
                List<Integer> others = clusterPorts.stream().filter(p -> p != own).toList();
                peers.add(launch(dir.resolve("am" + i), configYaml, FreePorts.next(), own, others));
            }
            return List.copyOf(peers);
        } catch (RuntimeException e) {
            peers.forEach(AlertmanagerServer::close);
            throw e;
        }
    }

    private static AlertmanagerServer launch(Path dir, String configYaml, int port, int clusterPort, List<Integer> peers) {
        Path binary = Binaries.ALERTMANAGER.locate();
        try {
            Files.createDirectories(dir.resolve("data"));
            Path config = dir.resolve("alertmanager.yml");
            Files.writeString(config, configYaml);
            List<String> command = new ArrayList<>(List.of(binary.toString(),
                    "--config.file=" + config,
                    "--storage.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    // the URL its webhooks name (externalURL): the one clients use, so the agent's record of where an
                    // alert came from matches the console's source (the default names the machine's host name)
                    "--web.external-url=http://127.0.0.1:" + port,
                    "--log.level=info"));
            if (clusterPort == 0) {
                command.add("--cluster.listen-address=");
            } else {
                command.add("--cluster.listen-address=127.0.0.1:" + clusterPort);
                command.add("--cluster.advertise-address=127.0.0.1:" + clusterPort);
                command.add("--cluster.gossip-interval=50ms");
                command.add("--cluster.pushpull-interval=1s");
                command.add("--cluster.settle-timeout=1s");
                peers.forEach(p -> command.add("--cluster.peer=127.0.0.1:" + p));
            }
            AlertmanagerServer server = new AlertmanagerServer(command, dir, port, clusterPort);
            server.awaitReady(server.baseUrl().resolve("/-/ready"), Duration.ofSeconds(30));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Alertmanager in " + dir, e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The gossip port, or 0 when clustering is off. */
    public int clusterPort() {
        return clusterPort;
    }
}
