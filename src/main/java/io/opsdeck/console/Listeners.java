package io.opsdeck.console;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listener list for the in-memory feeds: a throwing listener is logged and does not stop the others. */
final class Listeners<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    private final List<Consumer<T>> listeners = new CopyOnWriteArrayList<>();

    Subscription add(Consumer<T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void fire(T value) {
        for (Consumer<T> l : listeners) {
            try {
                l.accept(value);
            } catch (RuntimeException e) {
                LOG.error("A console listener failed", e);
            }
        }
    }
}
