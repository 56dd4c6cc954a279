package io.opsdeck.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Collects updates from any thread and applies them on the UI thread in one go: a burst of a thousand
 * feed events costs one UI hop, not a thousand.
 */
public final class UiBatcher<T> {

    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final UiExecutor ui;
    private final Consumer<List<T>> apply;

    public UiBatcher(UiExecutor ui, Consumer<List<T>> apply) {
        this.ui = ui;
        this.apply = apply;
    }

    public void offer(T update) {
        pending.add(update);
        if (scheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T t; (t = pending.poll()) != null; ) {
            batch.add(t);
        }
        if (!batch.isEmpty()) {
            apply.accept(batch);
        }
    }
}
