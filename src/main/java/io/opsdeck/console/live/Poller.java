package io.opsdeck.console.live;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A task repeated on a shared scheduler with a fixed delay; a throwing run is logged and the next one still runs. */
final class Poller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final String name;
    private final ScheduledFuture<?> future;

    Poller(String name, ScheduledExecutorService scheduler, Duration interval, Runnable task) {
        this.name = name;
        this.future = scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{} poll failed", name, e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops further runs; a run in progress is interrupted. */
    @Override
    public void close() {
        future.cancel(true);
        LOG.debug("{} poller stopped", name);
    }
}
