package io.opsdeck.alertmanager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.HttpUrl;

/**
 * One client's {@code GET /api/v2/alerts}, split into the concurrent requests {@link AlertPartition} plans from the
 * previous answer, decoded as they stream in; the first answer (nothing known yet) is one request. A failing part
 * cancels the others and fails the whole fetch with its own {@link AlertmanagerException}, the same as one request
 * failing. Thread-safe.
 */
final class PartitionedFetch {

    private final int parts;
    private volatile Map<String, Integer> lastCounts = Map.of();

    PartitionedFetch(int parts) {
        this.parts = parts;
    }

    /**
     * Fetches every alert {@code query} selects into {@code sink}, called by one thread at a time (in an order
     * that interleaves the parts' answers).
     *
     * @param url the alerts URL of a query (with its parameters)
     */
    void fetch(Transport transport, Function<AlertQuery, HttpUrl.Builder> url, AlertQuery query,
               Consumer<Alert> sink) {
        if (parts < 2) {
            transport.getStreamed(url.apply(query), p -> {
                AlertsDecoder.decode(p, sink);
                return null;
            });
            return;
        }
        List<Matcher> plan = AlertPartition.plan(lastCounts, parts);
        List<AlertQuery> queries = new ArrayList<>();
        if (plan.isEmpty()) {
            queries.add(query);
        }
        for (Matcher part : plan) {
            List<Matcher> filter = new ArrayList<>(query.filter());
            filter.add(part);
            queries.add(query.withFilter(filter));
        }
        List<AlertPartition.Counter> counters = new ArrayList<>();
        queries.forEach(q -> counters.add(new AlertPartition.Counter()));
        Object lock = new Object();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Call> calls = new CopyOnWriteArrayList<>();
        Consumer<Call> started = call -> {
            calls.add(call);
            if (failure.get() != null) {
                call.cancel();
            }
        };
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < queries.size(); i++) {
                AlertQuery q = queries.get(i);
                AlertPartition.Counter counter = counters.get(i);
                threads.submit(() -> {
                    try {
                        transport.getStreamed(url.apply(q), p -> {
                            AlertsDecoder.decode(p, a -> {
                                counter.add(a);
                                synchronized (lock) {
                                    sink.accept(a);
                                }
                            });
                            return null;
                        }, started);
                    } catch (RuntimeException e) {
                        if (failure.compareAndSet(null, e)) {
                            calls.forEach(Call::cancel); // the others' "canceled" failures are not reported
                        }
                    }
                });
            }
        } // waits; each part ends within the client's timeout, or at once when cancelled
        if (failure.get() != null) {
            throw failure.get();
        }
        Map<String, Integer> counts = new HashMap<>();
        counters.forEach(c -> c.addTo(counts));
        lastCounts = counts;
    }

    /** How many requests the next fetch will make. */
    int nextParts() {
        return parts < 2 ? 1 : Math.max(1, AlertPartition.plan(lastCounts, parts).size());
    }
}
