package io.opsdeck.ui.notify;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.AgentNotification;
import io.opsdeck.console.AgentNotificationFeed;
import io.opsdeck.console.AlertFeed;
import io.opsdeck.console.AlertSound;
import io.opsdeck.console.NotificationPolicy;
import io.opsdeck.console.Role;
import io.opsdeck.console.Severity;
import io.opsdeck.console.SeverityChoice;
import io.opsdeck.console.Subscription;
import io.opsdeck.ui.common.TaskRunner;
import io.opsdeck.ui.common.UiBatcher;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Counts unacknowledged alerts by severity and tells the {@link DesktopNotifier} and the {@link SoundOutput}
 * (unless muted) about new ones that match the current role's alert filter, as the role's
 * {@link NotificationChoices} say. Snapshots are applied in
 * batches on the UI thread.
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
    private final SoundOutput sound;
    private final TaskRunner tasks;
    private final NotificationChoices choices;
    private final NotificationPolicy policy = new NotificationPolicy();
    private final RoleAlertFilter roleFilter = new RoleAlertFilter();
    private final UiBatcher<List<ActiveAlert>> batcher;
    private final Map<Severity, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Severity.class);
    private Subscription subscription;
    private Subscription agentSubscription;
    private java.util.Set<String> lastSnapshot = java.util.Set.of();

    /**
     * @param agent   the agent's desktop notifications ({@link AgentNotificationFeed#NONE} without an agent)
     * @param sound   plays a sound; blocking, run through {@code tasks}
     * @param choices per role and severity: notification, sound; and the global mute
     */
    public AlertNotifications(AlertFeed feed, AgentNotificationFeed agent, ObservableValue<Role> role, DesktopNotifier notifier,
                              SoundOutput sound, TaskRunner tasks, NotificationChoices choices) {
        this.feed = feed;
        this.agent = agent;
        this.role = role;
        this.notifier = notifier;
        this.sound = sound;
        this.tasks = tasks;
        this.choices = choices;
        this.batcher = new UiBatcher<>(tasks.ui(), batch -> apply(batch.getLast()));
        for (Severity s : Severity.values()) {
            counts.put(s, new ReadOnlyIntegerWrapper());
        }
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

    /** The global mute (the {@link NotificationChoices}'); remembered. */
    public BooleanProperty mutedProperty() {
        return choices.mutedProperty();
    }

    /** Per role and severity: notification and sound. */
    public NotificationChoices choices() {
        return choices;
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
        for (ActiveAlert a : policy.newAlerts(snapshot, choices.effective(r))) {
            if (roleFilter.matches(r, a, java.time.Instant.now()) && shown.add(a.fingerprint())) {
                show(a, r);
            }
        }
    }

    /** Escalations and flapping reports always show; a plain new alert only when the snapshots have not shown it. */
    private void fromAgent(AgentNotification n) {
        Role r = role.getValue();
        if (subscription == null || !n.firing() || !choices.choice(r, n.severity()).wanted()) {
            return;
        }
        ActiveAlert alert = n.asActiveAlert();
        if (!roleFilter.matches(r, alert, java.time.Instant.now())) {
            return;
        }
        boolean fresh = shown.add(n.fingerprint());
        if (fresh || !"alert".equals(n.kind())) {
            show(alert, r);
        }
    }

    private void show(ActiveAlert a, Role r) {
        SeverityChoice c = choices.choice(r, a.severity());
        if (c.desktop()) {
            notifier.notify(a);
        }
        AlertSound s = c.sound();
        if (s != AlertSound.NONE && !choices.mutedProperty().get()) {
            tasks.submit("sound " + s.id(), () -> sound.play(s));
        }
    }
}
