package io.opsdeck.agent;

import io.opsdeck.store.Notification;
import io.opsdeck.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Long-poll source of desktop notifications for consoles: answers at once when there are notifications after the
 * console's last sequence number, else waits (a lock, not a monitor, so virtual threads do not pin) until one is delivered.
 */
final class DesktopEvents {

    private final Store store;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition delivered = lock.newCondition();
    private long version;

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
            List<Notification> found = store.outbox().desktopAfter(seq, 500);
            long left = deadline - System.nanoTime();
            if (!found.isEmpty() || left <= 0) {
                return found;
            }
            lock.lock();
            try {
                if (version == seen) {
                    delivered.await(left, TimeUnit.NANOSECONDS);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
