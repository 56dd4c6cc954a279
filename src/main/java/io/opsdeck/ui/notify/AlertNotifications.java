package io.opsdeck.ui.notify;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AgentNotification;
import io.opsdeck.console.AgentNotificationFeed;
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
 * Desktop notifications the agent streams (new alerts, escalations, flapping) are shown too; an alert already
 * shown from one source is not shown again from the other.
 */
public final class AlertNotifications {

    private final AlertFeed feed;
    private final AgentNotificationFeed agent;
    /** Fingerprints recently shown, from either source, oldest first. */
    private final java.util.Set<String> shown = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 1000;
        }
    });
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
    private Subscription agentSubscription;
    private java.util.Set<String> lastSnapshot = java.util.Set.of();

    /** @param sound plays one severity's sound; blocking, run through {@code tasks} */
    public AlertNotifications(AlertFeed feed, ObservableValue<Role> role, DesktopNotifier notifier,
                              Consumer<Severity> sound, TaskRunner tasks, ConsolePreferences preferences) {
        this(feed, AgentNotificationFeed.NONE, role, notifier, sound, tasks, preferences);
    }

    /** @param agent the agent's desktop notifications ({@link AgentNotificationFeed#NONE} without an agent) */
    public AlertNotifications(AlertFeed feed, AgentNotificationFeed agent, ObservableValue<Role> role, DesktopNotifier notifier,
                              Consumer<Severity> sound, TaskRunner tasks, ConsolePreferences preferences) {
        this.feed = feed;
        this.agent = agent;
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
            agentSubscription = agent.subscribe(n -> tasks.ui().execute(() -> fromAgent(n)));
            apply(feed.current());
        }
    }

    public void deactivate() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
            agentSubscription.close();
            agentSubscription = null;
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
        java.util.Set<String> present = new java.util.HashSet<>();
        snapshot.forEach(a -> present.add(a.fingerprint()));
        // an alert that left the snapshots has resolved: when it fires again it is news again
        lastSnapshot.stream().filter(fp -> !present.contains(fp)).forEach(shown::remove);
        lastSnapshot = present;
        for (ActiveAlert a : policy.newAlerts(snapshot, r.notifications())) {
            if (shown.add(a.fingerprint())) {
                show(a, r);
            }
        }
    }

    /** Escalations and flapping reports always show; a plain new alert only when the snapshots have not shown it. */
    private void fromAgent(AgentNotification n) {
        Role r = role.getValue();
        if (subscription == null || !n.firing() || !r.notifications().notifyOn().contains(n.severity())) {
            return;
        }
        boolean fresh = shown.add(n.fingerprint());
        if (fresh || !"alert".equals(n.kind())) {
            show(n.asActiveAlert(), r);
        }
    }

    private void show(ActiveAlert a, Role r) {
        notifier.notify(a);
        if (!muted.get() && r.notifications().soundOn().contains(a.severity())) {
            tasks.submit("sound " + a.severity(), () -> sound.accept(a.severity()));
        }
    }
}
