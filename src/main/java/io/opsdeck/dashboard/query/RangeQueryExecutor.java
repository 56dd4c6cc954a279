package io.opsdeck.dashboard.query;

import io.opsdeck.dashboard.frame.Frame;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one Prometheus range query; the application adapts its Prometheus client to this. An instant query is
 * asked as {@code start == end}. Series names may be left empty: the refresher names them from legendFormat.
 * Cancelling the returned future should abort the HTTP call.
 */
@FunctionalInterface
public interface RangeQueryExecutor {

    CompletableFuture<Frame> execute(String source, String expr, Instant start, Instant end, Duration step);
}
