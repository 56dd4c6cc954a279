package io.opsdeck.console.live;

import io.opsdeck.console.SourceHealth;
import io.opsdeck.console.SourceHealthFeed;
import io.opsdeck.console.SourceKind;
import io.opsdeck.console.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every source "are you there?" every interval (default 15 s), each on its own virtual thread, and keeps per
 * source the last good answer and the last error. Sources that cannot be asked (the agent when it is not
 * configured) are reported once with a fixed message and never polled. Listeners hear only about changes.
 *
 * <pre>{@code
 * SourceHealthPoller health = new SourceHealthPoller(List.of(new SourceHealthPoller.Target("main",
 *         SourceKind.PROMETHEUS, () -> client.buildInfo())), List.of(), clock);
 * health.start(scheduler, Duration.ofSeconds(15));
 * }</pre>
 */
public final class SourceHealthPoller implements SourceHealthFeed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceHealthPoller.class);

    /** One check; returns normally when the source answered well, throws with a secret-free message otherwise. */
    @FunctionalInterface
    public interface Probe {
        void check() throws Exception;
    }

    /** A source to poll. */
    public record Target(String name, SourceKind kind, Probe probe) {
        public Target {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(probe, "probe");
        }
    }

    private final List<Target> targets;
    private final Clock clock;
    private final Map<String, SourceHealth> state = new LinkedHashMap<>();
    private final List<Consumer<SourceHealth>> listeners = new CopyOnWriteArrayList<>();
    private volatile Poller poller;

    /**
     * @param targets sources to poll, in display order
     * @param fixed   sources reported as they are, never polled (e.g. "agent: not configured")
     */
    public SourceHealthPoller(List<Target> targets, List<SourceHealth> fixed, Clock clock) {
        this.targets = List.copyOf(targets);
        this.clock = clock;
        targets.forEach(t -> state.put(t.name(), new SourceHealth(t.name(), t.kind(), null, null)));
        fixed.forEach(h -> state.put(h.name(), h));
    }

    /** Polls now and then every {@code interval} on {@code scheduler}. */
    public void start(ScheduledExecutorService scheduler, Duration interval) {
        poller = new Poller("source health", scheduler, interval, this::pollOnce);
    }

    /** One round: every target in parallel; returns when all answered or failed. */
    public void pollOnce() {
        List<Thread> threads = new ArrayList<>();
        for (Target t : targets) {
            threads.add(Thread.ofVirtual().name("health-" + t.name()).start(() -> poll(t)));
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                threads.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void poll(Target t) {
        SourceHealth updated;
        try {
            t.probe().check();
            updated = current(t.name()).answered(clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            String message = ErrorText.of(t.name(), e);
            SourceHealth before = current(t.name());
            if (!message.equals(before.lastError())) {
                LOG.warn("{} is not answering: {}", t.name(), message);
            }
            updated = before.failed(message);
        }
        SourceHealth before;
        synchronized (state) {
            before = state.put(t.name(), updated);
        }
        if (!updated.equals(before)) {
            for (Consumer<SourceHealth> l : listeners) {
                try {
                    l.accept(updated);
                } catch (RuntimeException e) {
                    LOG.error("A source health listener failed", e);
                }
            }
        }
    }

    private SourceHealth current(String name) {
        synchronized (state) {
            return state.get(name);
        }
    }

    @Override
    public List<SourceHealth> current() {
        synchronized (state) {
            return List.copyOf(state.values());
        }
    }

    @Override
    public Subscription subscribe(Consumer<SourceHealth> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        Poller p = poller;
        if (p != null) {
            p.close();
        }
    }
}
