package io.opsdeck.teststack;

import io.opsdeck.simulate.stack.AlertmanagerServer;
import io.opsdeck.simulate.stack.ManagedProcess;
import io.opsdeck.simulate.stack.NodeExporterServer;
import io.opsdeck.simulate.stack.PrometheusServer;
import io.opsdeck.simulate.stack.VictoriaMetricsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts a real monitoring stack for a test class and stops it afterwards.
 * Missing binaries fail the tests with the Debian package to install; they never skip.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RealStack STACK = RealStack.builder()
 *         .nodeExporter()
 *         .alertmanagers(2)                       // an HA pair
 *         .prometheus((prometheus, stack) -> prometheus.scrape("node", List.of(stack.nodeExporter().target())))
 *         .build();
 * }</pre>
 */
public final class RealStack implements BeforeAllCallback, AfterAllCallback {

    private final Builder spec;
    private final List<ManagedProcess> started = new ArrayList<>();
    private Path dir;
    private NodeExporterServer nodeExporter;
    private List<AlertmanagerServer> alertmanagers = List.of();
    private PrometheusServer prometheus;
    private VictoriaMetricsServer victoriaMetrics;

    private RealStack(Builder spec) {
        this.spec = spec;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("opsdeck-stack-");
        try {
            if (spec.nodeExporter) {
                nodeExporter = track(NodeExporterServer.start(dir.resolve("node-exporter")));
            }
            if (spec.alertmanagers == 1) {
                alertmanagers = List.of(track(AlertmanagerServer.start(dir.resolve("alertmanager"), spec.alertmanagerConfig)));
            } else if (spec.alertmanagers > 1) {
                alertmanagers = AlertmanagerServer.startCluster(dir.resolve("alertmanagers"), spec.alertmanagers,
                        spec.alertmanagerConfig);
                started.addAll(alertmanagers);
            }
            if (spec.victoriaMetrics) {
                victoriaMetrics = track(VictoriaMetricsServer.start(dir.resolve("victoria-metrics"), null));
            }
            if (spec.prometheus != null) {
                PrometheusServer.Builder builder = PrometheusServer.builder(dir.resolve("prometheus"));
                alertmanagers.forEach(am -> builder.alertmanager(am.baseUrl()));
                spec.prometheus.accept(builder, this);
                prometheus = track(builder.start());
            }
        } catch (RuntimeException e) {
            afterAll(context);
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
        deleteQuietly(dir);
    }

    private <T extends ManagedProcess> T track(T process) {
        started.add(process);
        return process;
    }

    public Path dir() {
        return dir;
    }

    public PrometheusServer prometheus() {
        return require(prometheus, "prometheus");
    }

    public NodeExporterServer nodeExporter() {
        return require(nodeExporter, "nodeExporter");
    }

    public VictoriaMetricsServer victoriaMetrics() {
        return require(victoriaMetrics, "victoriaMetrics");
    }

    public List<AlertmanagerServer> alertmanagers() {
        return alertmanagers;
    }

    public AlertmanagerServer alertmanager() {
        if (alertmanagers.isEmpty()) {
            throw new IllegalStateException("this RealStack was built without .alertmanagers(n)");
        }
        return alertmanagers.get(0);
    }

    private static <T> T require(T part, String name) {
        if (part == null) {
            throw new IllegalStateException("this RealStack was built without ." + name + "()");
        }
        return part;
    }

    private static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to start. */
    public static final class Builder {
        private boolean nodeExporter;
        private int alertmanagers;
        private String alertmanagerConfig = AlertmanagerServer.NULL_RECEIVER_CONFIG;
        private boolean victoriaMetrics;
        private BiConsumer<PrometheusServer.Builder, RealStack> prometheus;

        public Builder nodeExporter() {
            this.nodeExporter = true;
            return this;
        }

        /** One Alertmanager, or an HA cluster of {@code count} peers. Prometheus is pointed at all of them. */
        public Builder alertmanagers(int count) {
            this.alertmanagers = count;
            return this;
        }

        public Builder alertmanagerConfig(String yaml) {
            this.alertmanagerConfig = yaml;
            return this;
        }

        public Builder victoriaMetrics() {
            this.victoriaMetrics = true;
            return this;
        }

        /** A Prometheus, configured by the callback once the other parts run (their ports are known then). */
        public Builder prometheus(BiConsumer<PrometheusServer.Builder, RealStack> configure) {
            this.prometheus = configure;
            return this;
        }

        public RealStack build() {
            return new RealStack(this);
        }
    }
}
