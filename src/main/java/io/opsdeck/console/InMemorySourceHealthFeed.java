package io.opsdeck.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Source health that tests (and the unwired shell) set by hand; listeners run on the caller's thread. */
public final class InMemorySourceHealthFeed implements SourceHealthFeed {

    private final Map<String, SourceHealth> sources = new LinkedHashMap<>();
    private final Listeners<SourceHealth> listeners = new Listeners<>();

    public InMemorySourceHealthFeed(List<SourceHealth> initial) {
        initial.forEach(s -> sources.put(s.name(), s));
    }

    @Override
    public synchronized List<SourceHealth> current() {
        return List.copyOf(sources.values());
    }

    @Override
    public Subscription subscribe(Consumer<SourceHealth> listener) {
        return listeners.add(listener);
    }

    /** Records a new state for a source (added if new) and tells the listeners. */
    public void update(SourceHealth health) {
        synchronized (this) {
            sources.put(health.name(), health);
        }
        listeners.fire(health);
    }
}
