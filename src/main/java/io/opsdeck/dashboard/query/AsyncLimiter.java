package io.opsdeck.dashboard.query;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * At most {@code permits} asynchronous tasks in flight; further tasks wait in FIFO order. Cancelling a returned
 * future drops a waiting task or cancels the running one's future.
 */
final class AsyncLimiter {

    private final int permits;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private int running;
    private int maxObserved;

    AsyncLimiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1");
        }
        this.permits = permits;
    }

    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            if (result.isDone()) {
                release();
                return;
            }
            CompletableFuture<T> inner;
            try {
                inner = task.get();
            } catch (RuntimeException e) {
                inner = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<T> call = inner;
            result.whenComplete((v, e) -> {
                if (result.isCancelled()) {
                    call.cancel(true);
                }
            });
            call.whenComplete((v, e) -> {
                release();
                if (e != null) {
                    result.completeExceptionally(e);
                } else {
                    result.complete(v);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = running < permits;
            if (now) {
                running++;
                maxObserved = Math.max(maxObserved, running);
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return result;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
                return;
            }
        }
        next.run();
    }

    /** Highest number of tasks that were in flight at once. */
    synchronized int maxObserved() {
        return maxObserved;
    }
}
