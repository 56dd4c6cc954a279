package io.opsdeck.ui.notify;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AlertFeed;
import io.opsdeck.console.ConsolePreferences;
import io.opsdeck.console.NotificationPolicy;
import io.opsdeck.console.Role;
import io.opsdeck.console.Severity;
import io.opsdeck.console.Subscription;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.common.UiBatcher;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/**
 * Counts unacknowledged alerts by severity and tells the {@link DesktopNotifier} (and the speaker, unless
 * muted) about new ones the current role wants. Snapshots are applied in batches on the UI thread.
 */
public final class AlertNotifications {

    private final AlertFeed feed;
    private final ObservableValue<Role> role;
    private final DesktopNotifier notifier;
    private final Consumer<Severity> sound;
    private final TaskRunner tasks;
    private final ConsolePreferences preferences;
    private final NotificationPolicy policy = new NotificationPolicy();
    private final UiBatcher<List<ActiveAlert>> batcher;
    private final Map<Severity, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Severity.class);
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private Subscription subscription;

    /** @param sound plays one severity's sound; blocking, run through {@code tasks} */
    public AlertNotifications(AlertFeed feed, ObservableValue<Role> role, DesktopNotifier notifier,
                              Consumer<Severity> sound, TaskRunner tasks, ConsolePreferences preferences) {
        this.feed = feed;
        this.role = role;
        this.notifier = notifier;
        this.sound = sound;
        this.tasks = tasks;
        this.preferences = preferences;
        this.batcher = new UiBatcher<>(tasks.ui(), batch -> apply(batch.getLast()));
        for (Severity s : Severity.values()) {
            counts.put(s, new ReadOnlyIntegerWrapper());
        }
        muted.set(preferences.muted());
        muted.addListener((o, a, m) -> tasks.submit("remember mute", () -> preferences.muted(m)));
    }

    public void activate() {
        if (subscription == null) {
            subscription = feed.subscribe(batcher::offer);
            apply(feed.current());
        }
    }

    public void deactivate() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    public ReadOnlyIntegerProperty countProperty(Severity severity) {
        return counts.get(severity).getReadOnlyProperty();
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    private void apply(List<ActiveAlert> snapshot) {
        Map<Severity, Integer> now = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            now.put(s, 0);
        }
        snapshot.stream().filter(ActiveAlert::unacknowledged).forEach(a -> now.merge(a.severity(), 1, Integer::sum));
        now.forEach((s, n) -> counts.get(s).set(n));
        notifier.counts(now);
        Role r = role.getValue();
        for (ActiveAlert a : policy.newAlerts(snapshot, r.notifications())) {
            notifier.notify(a);
            if (!muted.get() && r.notifications().soundOn().contains(a.severity())) {
                tasks.submit("sound " + a.severity(), () -> sound.accept(a.severity()));
            }
        }
    }
}
