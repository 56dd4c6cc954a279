package io.opsdeck.agent;

import io.opsdeck.store.Notification;
import io.opsdeck.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Source of desktop notifications for console streams: answers at once when there are notifications after the
 * console's last sequence number, else waits (a lock, not a monitor, so virtual threads do not pin) until one is
 * delivered, the wait is over, or the agent closes.
 */
final class DesktopEvents {

    private final Store store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition delivered = lock.newCondition();
    private long version;
    private volatile boolean closed;

    DesktopEvents(Store store) {
        this.store = store;
    }

    void signal() {
        lock.lock();
        try {
            version++;
            delivered.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends every wait; streams see {@link #closed()} and finish. */
    void close() {
        closed = true;
        signal();
    }

    boolean closed() {
        return closed;
    }

    /** The sequence number a console without a position starts after: it gets what is delivered from now on. */
    long tail() {
        return store.outbox().desktopStreamTail();
    }

    List<Notification> after(long seq, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long seen;
            lock.lock();
            try {
                seen = version;
            } finally {
                lock.unlock();
            }
            if (closed) {
                return List.of();
            }
            List<Notification> found = store.outbox().desktopStream(seq, 500);
            long left = deadline - System.nanoTime();
            if (!found.isEmpty() || left <= 0) {
                return found;
            }
            lock.lock();
            try {
                if (version == seen && !closed) {
                    delivered.await(left, TimeUnit.NANOSECONDS);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
