package io.opsdeck.simulate.demo;

import io.opsdeck.simulate.stack.ManagedProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running demo. {@link #close()} stops every part in reverse start order and removes the temporary folder
 * (unless kept); a shutdown hook does the same when the JVM exits first (Ctrl+C, SIGTERM).
 *
 * <pre>{@code
 * try (DemoStack stack = Demo.builder().headless(true).build().start()) {
 *     stack.awaitStop(Duration.ofMinutes(10));   // or until Ctrl+C / the console closes
 * }
 * }</pre>
 */
public final class DemoStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoStack.class);

    /** A started piece with the name used in progress lines. */
    record Started(String name, AutoCloseable part) {
    }

    /** Where the parts answer; {@code agent} is empty when no agent was started. */
    public record Urls(URI simulator, URI prometheus, URI alertmanager, URI nodeExporter, Optional<URI> agent,
                       int agentPort) {
    }

    private final Path dir;
    private final boolean keep;
    private final DemoListener listener;
    private final List<Started> started;
    private final CountDownLatch stopRequested;
    private final Thread shutdownHook;
    private Urls urls;
    private List<String> summary = List.of();
    private boolean closed;

    DemoStack(Path dir, boolean keep, DemoListener listener, CountDownLatch stopRequested) {
        this.dir = dir;
        this.keep = keep;
        this.listener = listener;
        this.started = new ArrayList<>();
        this.stopRequested = stopRequested;
        this.shutdownHook = new Thread(this::close, "opsdeck-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    synchronized void add(String name, AutoCloseable part) {
        started.add(new Started(name, part));
    }

    synchronized void ready(Urls urls, List<String> summary) {
        this.urls = urls;
        this.summary = List.copyOf(summary);
    }

    /** Registers a started process; the stack's own hook, not the process's, stops it at JVM exit. */
    <T extends ManagedProcess> T track(String name, T process) {
        process.handOverShutdown();
        add(name, process);
        return process;
    }

    /** A launcher call that may throw. */
    interface PartStart {
        Optional<DemoPart> start() throws Exception;
    }

    /** Starts an agent or console part and registers it; a launcher that throws stops the demo's start. */
    Optional<DemoPart> startPart(String name, PartStart start) {
        Optional<DemoPart> part;
        try {
            part = Objects.requireNonNull(start.start(), name + " launcher returned null");
        } catch (Exception e) {
            throw new DemoException(name + " did not start: " + e.getMessage(), e);
        }
        part.ifPresent(p -> add(p.name(), p));
        return part;
    }

    /** The temporary folder holding every part's configuration, data and log. */
    public Path dir() {
        return dir;
    }

    /** The OpsDeck configuration naming the demo's Prometheus and Alertmanager. */
    public Path configFile() {
        return dir.resolve("opsdeck.yaml");
    }

    public synchronized Urls urls() {
        return urls;
    }

    /** Names of the running parts in start order, e.g. simulator, node_exporter, alertmanager, prometheus. */
    public synchronized List<String> parts() {
        return started.stream().map(Started::name).toList();
    }

    /** Short lines for the user: URLs, files, how to raise a fault. */
    public synchronized List<String> summary() {
        return summary;
    }

    /** Asks {@link #awaitStop(Duration)} to return, e.g. because the console window was closed. */
    public void requestStop() {
        stopRequested.countDown();
    }

    /**
     * Blocks until {@link #requestStop()}, {@link #close()} or the JVM's shutdown, or until {@code duration} has
     * passed (null: no limit). Returns true when asked to stop, false when the duration ran out.
     */
    public boolean awaitStop(Duration duration) throws InterruptedException {
        if (duration == null) {
            stopRequested.await();
            return true;
        }
        return stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops everything in reverse start order and removes the folder unless kept. Safe to call twice. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (int i = started.size() - 1; i >= 0; i--) {
                Started s = started.get(i);
                listener.progress("stopping " + s.name());
                try {
                    s.part().close();
                } catch (Exception | LinkageError e) {
                    // a part that fails to stop (even a class missing because the jar was rebuilt under the running
                    // demo) must not leave the parts after it, Prometheus and Alertmanager, running
                    LOG.warn("stopping {} failed", s.name(), e);
                    listener.progress("stopping " + s.name() + " failed: " + e.getMessage());
                }
            }
            started.clear();
            if (keep) {
                listener.progress("kept " + dir);
            } else {
                delete(dir);
            }
        }
        stopRequested.countDown();
        if (!Thread.currentThread().equals(shutdownHook)) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; it finds everything closed
            }
        }
    }

    private void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            listener.progress("could not remove " + root + ": " + e.getMessage());
        }
    }
}
