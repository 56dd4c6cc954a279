package io.opsdeck.agent;

import io.opsdeck.notify.Channel;
import io.opsdeck.notify.Delivery;
import io.opsdeck.notify.DeliveryException;
import io.opsdeck.notify.Message;
import io.opsdeck.store.Notification;
import io.opsdeck.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: a dispatcher claims due rows (pending to delivering, committed) and hands each to a
 * virtual thread; failures retry with exponential backoff and jitter until {@code maxAttempts}, then the row is
 * dead with its last reason. On start, rows left in delivering by a crash go back to pending.
 */
final class OutboxWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorkers.class);

    private final Store store;
    private final Map<String, Channel> channels;
    private final AgentSettings.DeliverySettings settings;
    private final AgentMetrics metrics;
    private final Clock clock;
    private final Runnable desktopDelivered;
    private final Semaphore slots;
    private final Semaphore wake = new Semaphore(0);
    /** Longer than any delivery attempt (calls time out after 15 s by default), so a live agent's claim is never stale. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(5);
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private final java.util.Queue<Outcome> outcomes = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean flushQueued = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean running;
    private Thread dispatcher;

    OutboxWorkers(Store store, Map<String, Channel> channels, AgentSettings.DeliverySettings settings, AgentMetrics metrics,
            Clock clock, Runnable desktopDelivered) {
        this.store = store;
        this.channels = channels;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.desktopDelivered = desktopDelivered;
        this.slots = new Semaphore(settings.workers());
    }

    void start() {
        // alone on its SQLite file, every row in delivery is this agent's own; on a shared database only stale ones
        int requeued = store.shared() ? requeueStale()
                : store.writeAndWait(c -> store.outbox().requeueDelivering(c, clock.millis()));
        if (requeued > 0) {
            LOG.info("Requeued {} notifications a previous run left in delivery", requeued);
        }
        running = true;
        dispatcher = Thread.ofPlatform().name("opsdeck-outbox-dispatcher").daemon(true).start(this::dispatch);
    }

    /** Claims older than {@link #STALE_CLAIM} belong to an agent that died; their rows go back to pending. */
    private int requeueStale() {
        long now = clock.millis();
        return store.writeAndWait(c -> store.outbox().requeueStale(c, now - STALE_CLAIM.toMillis(), now));
    }

    /** New work is committed: look now rather than at the next tick. */
    void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void dispatch() {
        long nextSweep = System.nanoTime();
        while (running) {
            try {
                wake.tryAcquire(250, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (store.shared() && System.nanoTime() - nextSweep >= 0) {
                    nextSweep = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                    int requeued = requeueStale();
                    if (requeued > 0) {
                        LOG.warn("Took back {} notifications whose claim is older than {} (an agent died?)", requeued, STALE_CLAIM);
                    }
                }
                claimAndDeliver();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Outbox dispatch failed, retrying: {}", e.getMessage());
            }
        }
    }

    /**
     * Claims due rows in batches (one commit for many rows, so claiming never throttles delivery), then hands
     * each to a virtual thread as soon as a delivery slot is free.
     */
    private void claimAndDeliver() throws InterruptedException {
        int batch = Math.max(64, settings.workers() * 2);
        while (running) {
            slots.acquire();
            slots.release();
            List<Notification> claimed = store.writeAndWait(c -> store.outbox().claimDue(c, clock.millis(), batch));
            for (Notification n : claimed) {
                slots.acquire();
                deliveries.submit(() -> deliver(n));
            }
            if (claimed.size() < batch) {
                return;
            }
        }
    }

    /**
     * One attempt. The slot is freed as soon as the receiver answered; the outcome is written without waiting, batched
     * with others (the row stays "delivering" until that commits, and a crash before then re-sends with the same key).
     */
    private void deliver(Notification n) {
        int attempts = n.attempts() + 1;
        String error = null;
        boolean permanent = false;
        try {
            Channel channel = channels.get(n.channel());
            if (channel == null) {
                throw new DeliveryException("channel '" + n.channel() + "' is no longer configured", true);
            }
            NotificationFactory.Payload payload = NotificationFactory.payload(n);
            Message m = payload.message();
            channel.send(new Delivery(n.idempotencyKey(), payload.address(), n.kind(), m.first(), m.severity(),
                    NotificationFactory.rendered(n)));
        } catch (DeliveryException e) {
            error = e.getMessage();
            permanent = e.permanent();
        } catch (RuntimeException e) {
            error = "channel " + n.channel() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
        } finally {
            slots.release();
        }
        long now = clock.millis();
        if (error == null) {
            outcomes.add(new Outcome(n, attempts, now, null, false, 0));
            metrics.delivered(n.channel(), now - n.createdAt());
        } else if (permanent || attempts >= settings.maxAttempts()) {
            LOG.warn("Notification {} to {} is dead after {} attempts: {}", n.id(), n.channel(), attempts, error);
            outcomes.add(new Outcome(n, attempts, now, error, true, 0));
            metrics.notification(n.channel(), "dead");
        } else {
            long delay = backoff(attempts);
            LOG.info("Notification {} to {} failed (attempt {}), retry in {} ms: {}", n.id(), n.channel(), attempts, delay, error);
            outcomes.add(new Outcome(n, attempts, now, error, false, now + delay));
            metrics.notification(n.channel(), "retry");
        }
        if (flushQueued.compareAndSet(false, true)) {
            flushOutcomes();
        }
    }

    /** The result of one attempt, written with others in one store task. */
    private record Outcome(Notification n, int attempts, long at, String error, boolean dead, long nextAttemptAt) {
    }

    /**
     * Queues one store task that writes every outcome recorded until it runs: at 2,000 deliveries/s the writer ran
     * one task (and one statement) per delivery, queued between webhooks waiting for their commit. Delivered rows
     * become one statement per batch. The batch is taken once, so a re-run of the group (after another task's
     * failure) writes the same outcomes again.
     */
    private void flushOutcomes() {
        List<Outcome> batch = new ArrayList<>();
        boolean[] taken = {false};
        store.write(c -> {
            if (!taken[0]) {
                taken[0] = true;
                flushQueued.set(false);
                for (Outcome o; (o = outcomes.poll()) != null; ) {
                    batch.add(o);
                }
            }
            Map<Integer, List<String>> delivered = new java.util.TreeMap<>();
            for (Outcome o : batch) {
                if (o.error() == null) {
                    delivered.computeIfAbsent(o.attempts(), k -> new ArrayList<>()).add(o.n().id());
                } else if (o.dead()) {
                    store.outbox().markDead(c, o.n().id(), o.attempts(), o.error(), o.at());
                } else {
                    store.outbox().markRetry(c, o.n().id(), o.attempts(), o.nextAttemptAt(), o.error(), o.at());
                }
            }
            long now = clock.millis();
            for (var e : delivered.entrySet()) {
                store.outbox().markDelivered(c, e.getValue(), e.getKey(), now);
            }
            return null;
        }).whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("Recording {} delivery outcomes failed (those rows are sent again after a restart): {}",
                        batch.size(), e.getMessage());
            } else if (batch.stream().anyMatch(o -> o.error() == null && "desktop".equals(o.n().channelType()))) {
                desktopDelivered.run();
            }
        });
    }

    /** Exponential backoff capped at maxBackoff, with "equal jitter": half fixed, half random. */
    long backoff(int attempts) {
        long base = settings.initialBackoff().toMillis();
        long cap = settings.maxBackoff().toMillis();
        long exp = Math.min(cap, base << Math.min(attempts - 1, 30));
        return exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
    }

    /** Stops claiming; waits up to {@code deadline} for deliveries in flight (unfinished ones are requeued on start). */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    void close(Duration deadline) {
        running = false;
        if (dispatcher != null) {
            dispatcher.interrupt();
            try {
                dispatcher.join(deadline.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deliveries.shutdown();
        try {
            if (!deliveries.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Deliveries still running at shutdown; they will be retried on the next start");
                deliveries.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
