package io.opsdeck.console;

import java.util.List;
import java.util.function.Consumer;

/** Alert snapshots set by hand; listeners run on the caller's thread. */
public final class InMemoryAlertFeed implements AlertFeed {

    private volatile List<ActiveAlert> current;
    private final Listeners<List<ActiveAlert>> listeners = new Listeners<>();

    public InMemoryAlertFeed(List<ActiveAlert> initial) {
        this.current = List.copyOf(initial);
    }

    @Override
    public List<ActiveAlert> current() {
        return current;
    }

    @Override
    public Subscription subscribe(Consumer<List<ActiveAlert>> listener) {
        return listeners.add(listener);
    }

    /** Replaces the whole snapshot: alerts left out have resolved. */
    public void publish(List<ActiveAlert> snapshot) {
        current = List.copyOf(snapshot);
        listeners.fire(current);
    }
}
