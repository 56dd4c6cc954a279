package io.opsdeck.dashboard.query;

import io.opsdeck.dashboard.frame.Frame;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Executes {@link QueryPlan}s: each distinct request once, at most {@code maxInFlightPerSource} requests per source
 * at a time, a refresh of a dashboard that is still refreshing joins the running one, a refresh of another
 * dashboard cancels what is in flight, and after the first load only the new tail (plus {@code overlapSteps}
 * steps) is fetched and merged into the previous frame.
 *
 * <pre>{@code
 * try (DashboardRefresher r = DashboardRefresher.builder(executor).maxInFlightPerSource(4).build()) {
 *     Map<Integer, PanelResult> results = r.refresh(plan).join();
 * }
 * }</pre>
 */
public final class DashboardRefresher implements Closeable {

    private final RangeQueryExecutor executor;
    private final int maxInFlightPerSource;
    private final int overlapSteps;
    private final boolean incremental;
    private final Map<String, AsyncLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<QueryKey.SeriesKey, Cached> cache = new ConcurrentHashMap<>();
    private final LongAdder[] counters = new LongAdder[8];
    private Running current;
    private String lastDashboardId;

    private record Cached(long startMs, long endMs, Frame frame) {
    }

    private record Running(String dashboardId, CompletableFuture<Map<Integer, PanelResult>> result,
                           List<CompletableFuture<Frame>> requests) {
    }

    private DashboardRefresher(Builder b) {
        this.executor = b.executor;
        this.maxInFlightPerSource = b.maxInFlightPerSource;
        this.overlapSteps = b.overlapSteps;
        this.incremental = b.incremental;
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
    }

    /** Builder; the executor is required. */
    public static Builder builder(RangeQueryExecutor executor) {
        return new Builder(executor);
    }

    /**
     * Starts (or joins) a refresh. The future completes with a result for every planned panel; it completes
     * exceptionally with CancellationException when {@link #cancel()} or a refresh of another dashboard stops it.
     */
    public CompletableFuture<Map<Integer, PanelResult>> refresh(QueryPlan plan) {
        Running previous;
        synchronized (this) {
            if (current != null && !current.result().isDone()) {
                if (current.dashboardId().equals(plan.dashboardId())) {
                    counters[2].increment();
                    return current.result();
                }
            }
            previous = current;
            current = null;
            if (!plan.dashboardId().equals(lastDashboardId)) {
                // frames of the previous dashboard are of no use any more; keep memory bounded
                cache.clear();
                lastDashboardId = plan.dashboardId();
            }
        }
        if (previous != null) {
            cancel(previous);
        }
        Map<QueryKey, List<PanelQuery>> byRequest = plan.byRequest();
        counters[0].add(plan.queries().size());
        Map<QueryKey, CompletableFuture<Frame>> futures = new LinkedHashMap<>();
        byRequest.keySet().forEach(k -> futures.put(k, fetch(k)));
        CompletableFuture<Map<Integer, PanelResult>> result = CompletableFuture
                .allOf(futures.values().stream().map(f -> f.handle((v, e) -> null)).toArray(CompletableFuture[]::new))
                .thenApply(x -> ResultFanOut.fanOut(plan, byRequest, futures));
        Running running = new Running(plan.dashboardId(), result, List.copyOf(futures.values()));
        synchronized (this) {
            current = running;
        }
        return result;
    }

    /** Cancels the refresh in flight (e.g. the user switched dashboards). */
    public void cancel() {
        Running r;
        synchronized (this) {
            r = current;
            current = null;
        }
        if (r != null) {
            cancel(r);
        }
    }

    private static void cancel(Running r) {
        // the result first: once the requests are cancelled it would complete with "cancelled" errors instead
        r.result().cancel(true);
        // newest first, so queued requests are dropped before a finished one's permit could start them
        List<CompletableFuture<Frame>> requests = new ArrayList<>(r.requests());
        java.util.Collections.reverse(requests);
        requests.forEach(f -> f.cancel(true));
    }

    /** Counters so far. */
    public RefreshStats stats() {
        return new RefreshStats(counters[0].sum(), counters[1].sum(), counters[2].sum(), counters[3].sum(),
                counters[4].sum(), counters[5].sum(), counters[6].sum(), counters[7].sum());
    }

    /** Highest number of requests that were in flight at once for {@code source}. */
    public int maxInFlight(String source) {
        AsyncLimiter l = limiters.get(source);
        return l == null ? 0 : l.maxObserved();
    }

    /** Forgets previous frames so the next refresh is a full reload. */
    public void clearCache() {
        cache.clear();
    }

    @Override
    public void close() {
        cancel();
        cache.clear();
    }

    private CompletableFuture<Frame> fetch(QueryKey key) {
        Cached cached = incremental && key.startMs() != key.endMs() ? cache.get(key.series()) : null;
        long fetchStart = key.startMs();
        if (cached != null && cached.startMs() <= key.startMs() && cached.endMs() >= key.startMs()) {
            fetchStart = Math.max(key.startMs(), cached.endMs() - overlapSteps * key.stepMs());
        } else {
            cached = null;
        }
        long from = fetchStart;
        Cached base = cached;
        counters[1].increment();
        counters[4].add((key.endMs() - from) / key.stepMs() + 1);
        counters[5].add(key.steps());
        AsyncLimiter limiter = limiters.computeIfAbsent(key.source(), s -> new AsyncLimiter(maxInFlightPerSource));
        CompletableFuture<Frame> submitted = limiter.submit(() -> executor.execute(key.source(), key.expr(),
                Instant.ofEpochMilli(from), Instant.ofEpochMilli(key.endMs()), Duration.ofMillis(key.stepMs())));
        CompletableFuture<Frame> out = submitted
                .thenApply(received -> {
                    counters[6].add(received.points());
                    Frame merged = base == null ? received
                            : TailMerge.merge(base.frame(), received, key.startMs(), from);
                    counters[7].add(merged.points());
                    if (key.startMs() != key.endMs()) {
                        cache.put(key.series(), new Cached(key.startMs(), key.endMs(), merged));
                    }
                    return merged;
                })
                .whenComplete((v, e) -> {
                    if (e != null && !(unwrap(e) instanceof CancellationException)) {
                        counters[3].increment();
                    }
                });
        // cancelling the derived future must reach the limiter (drops a queued request, aborts a running one)
        out.whenComplete((v, e) -> {
            if (out.isCancelled()) {
                submitted.cancel(true);
            }
        });
        return out;
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Builder with documented defaults. */
    public static final class Builder {
        private final RangeQueryExecutor executor;
        private int maxInFlightPerSource = 4;
        private int overlapSteps = 2;
        private boolean incremental = true;

        private Builder(RangeQueryExecutor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
        }

        /** Requests in flight per source; default 4. */
        public Builder maxInFlightPerSource(int n) {
            this.maxInFlightPerSource = n;
            return this;
        }

        /** Steps re-fetched before the previous end so late samples are picked up; default 2. */
        public Builder overlapSteps(int n) {
            this.overlapSteps = Math.max(0, n);
            return this;
        }

        /** Fetch only the new tail after the first load; default true. */
        public Builder incremental(boolean on) {
            this.incremental = on;
            return this;
        }

        public DashboardRefresher build() {
            if (maxInFlightPerSource < 1) {
                throw new IllegalArgumentException("maxInFlightPerSource must be at least 1");
            }
            return new DashboardRefresher(this);
        }
    }
}
