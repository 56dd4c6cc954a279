package io.opsdeck.ui.shell;

import io.opsdeck.console.RefreshInterval;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;

/**
 * The dashboard refresh tick: a {@link ScheduledService} whose period follows the refresh picker, running only
 * between {@link #activate()} and {@link #deactivate()} (while the dashboard area is shown) and not at all when
 * refresh is off. Each tick publishes the clock's instant in {@link #refreshedProperty()}.
 */
public final class RefreshService extends ScheduledService<Instant> {

    private final Clock clock;
    private final ObservableValue<RefreshInterval> interval;
    private final ReadOnlyObjectWrapper<Instant> refreshed = new ReadOnlyObjectWrapper<>();
    private boolean active;

    public RefreshService(ObservableValue<RefreshInterval> interval, Clock clock, Executor background) {
        this.clock = clock;
        this.interval = interval;
        setExecutor(background);
        setOnSucceeded(e -> refreshed.set(getValue()));
        interval.addListener((o, a, b) -> reschedule());
    }

    public ReadOnlyObjectProperty<Instant> refreshedProperty() {
        return refreshed.getReadOnlyProperty();
    }

    public void activate() {
        active = true;
        reschedule();
    }

    public void deactivate() {
        active = false;
        cancel();
    }

    private void reschedule() {
        cancel();
        interval.getValue().period().filter(p -> active).ifPresent(p -> {
            javafx.util.Duration period = javafx.util.Duration.millis(p.toMillis());
            setPeriod(period);
            setDelay(period);
            restart();
        });
    }

    @Override
    protected Task<Instant> createTask() {
        return new Task<>() {
            @Override
            protected Instant call() {
                return clock.instant();
            }
        };
    }
}
