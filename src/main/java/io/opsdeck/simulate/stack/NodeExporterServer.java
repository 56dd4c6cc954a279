package io.opsdeck.simulate.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real node_exporter on a free loopback port, exposing this machine's metrics. */
public final class NodeExporterServer extends ManagedProcess {

    private final int port;

    private NodeExporterServer(List<String> command, Path dir, int port) {
        super("node-exporter-" + port, command, dir);
        this.port = port;
    }

    public static NodeExporterServer start(Path dir) {
        Path binary = Binaries.NODE_EXPORTER.locate();
        int port = FreePorts.next();
        NodeExporterServer server = new NodeExporterServer(
                List.of(binary.toString(), "--web.listen-address=127.0.0.1:" + port), dir, port);
        server.awaitReady(server.baseUrl().resolve("/metrics"), Duration.ofSeconds(30));
        return server;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** host:port, as a Prometheus scrape target. */
    public String target() {
        return "127.0.0.1:" + port;
    }
}
