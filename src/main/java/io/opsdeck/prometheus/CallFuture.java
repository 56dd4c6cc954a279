package io.opsdeck.prometheus;

import java.util.concurrent.CompletableFuture;
import okhttp3.Call;

/** A future whose cancel(true) also cancels the OkHttp call, so a hanging request ends at once. */
final class CallFuture<T> extends CompletableFuture<T> {
    volatile Call call;

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Call current = call;
        if (current != null) {
            current.cancel();
        }
        return cancelled;
    }
}
