package io.opsdeck.ui.notify;

import io.opsdeck.console.AlertSound;
import io.opsdeck.console.ConsolePreferences;
import io.opsdeck.console.NotificationPrefs;
import io.opsdeck.console.Role;
import io.opsdeck.console.Severity;
import io.opsdeck.console.SeverityChoice;
import io.opsdeck.ui.common.TaskRunner;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The operator's notification choices: per role and severity a desktop notification on or off and a sound (or
 * none), plus one global mute. A role's configured {@link NotificationPrefs} are the defaults; what the operator
 * changes in Settings applies at once and is remembered in the {@link ConsolePreferences} (written through the
 * TaskRunner, off the FX thread). The properties show the role being edited ({@link #roleProperty}). FX thread only.
 *
 * <pre>{@code
 * NotificationChoices choices = new NotificationChoices(roles.roles(), shell.roleProperty().get(), preferences, tasks);
 * choices.soundProperty(Severity.CRITICAL).set(AlertSound.NONE);   // the role's criticals are silent from now on
 * }</pre>
 */
public final class NotificationChoices {

    private final ConsolePreferences preferences;
    private final TaskRunner tasks;
    private final List<Role> roles;
    /** Choices made in Settings, by role name; what is missing follows the role's configuration. */
    private final Map<String, Map<Severity, SeverityChoice>> chosen = new HashMap<>();
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>();
    private final Map<Severity, BooleanProperty> desktop = new EnumMap<>(Severity.class);
    private final Map<Severity, ObjectProperty<AlertSound>> sound = new EnumMap<>(Severity.class);
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private boolean showing;

    /** Reads the remembered choices and mute at once (the preferences keep them in memory). */
    public NotificationChoices(List<Role> roles, Role initial, ConsolePreferences preferences, TaskRunner tasks) {
        this.roles = List.copyOf(roles);
        this.preferences = preferences;
        this.tasks = tasks;
        for (Role r : this.roles) {
            Map<Severity, SeverityChoice> saved = preferences.notificationChoices(r.name());
            if (!saved.isEmpty()) {
                chosen.put(r.name(), new EnumMap<>(saved));
            }
        }
        for (Severity s : Severity.values()) {
            BooleanProperty d = new SimpleBooleanProperty();
            ObjectProperty<AlertSound> snd = new SimpleObjectProperty<>(AlertSound.NONE);
            d.addListener((o, a, b) -> edited(s));
            snd.addListener((o, a, b) -> edited(s));
            desktop.put(s, d);
            sound.put(s, snd);
        }
        role.addListener((o, a, r) -> show(r));
        role.set(initial);
        muted.set(preferences.muted());
        muted.addListener((o, a, m) -> tasks.submit("remember mute", () -> preferences.muted(m)));
    }

    /** What {@code r} does about a new alert of {@code severity}: the operator's choice, else the configured one. */
    public SeverityChoice choice(Role r, Severity severity) {
        Map<Severity, SeverityChoice> c = chosen.get(r.name());
        SeverityChoice made = c == null ? null : c.get(severity);
        return made != null ? made : r.notifications().choice(severity);
    }

    /** The severities {@code r} wants to hear about at all (notification or sound), as prefs for the policy. */
    public NotificationPrefs effective(Role r) {
        Set<Severity> wanted = EnumSet.noneOf(Severity.class);
        Set<Severity> sounding = EnumSet.noneOf(Severity.class);
        for (Severity s : Severity.values()) {
            SeverityChoice c = choice(r, s);
            if (c.wanted()) {
                wanted.add(s);
            }
            if (c.sound() != AlertSound.NONE) {
                sounding.add(s);
            }
        }
        return new NotificationPrefs(wanted, sounding);
    }

    /** Whether the operator changed anything of {@code r} in Settings. */
    public boolean changed(Role r) {
        return chosen.containsKey(r.name());
    }

    /** Back to the role's configured choices, and forgets the operator's. */
    public void resetToConfigured() {
        Role r = role.get();
        if (r != null && chosen.remove(r.name()) != null) {
            tasks.submit("forget notification choices", () -> preferences.clearNotificationChoices(r.name()));
            show(r);
        }
    }

    /** The roles whose choices can be edited. */
    public List<Role> roles() {
        return roles;
    }

    /** The role whose choices the properties show and edit. */
    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    /** Desktop notification on or off for the edited role's {@code severity}; changing it applies at once. */
    public BooleanProperty desktopProperty(Severity severity) {
        return desktop.get(severity);
    }

    /** The sound of the edited role's {@code severity} ({@link AlertSound#NONE}: silent). */
    public ObjectProperty<AlertSound> soundProperty(Severity severity) {
        return sound.get(severity);
    }

    /** Silences every sound of every role; notifications still show. Remembered. */
    public BooleanProperty mutedProperty() {
        return muted;
    }

    private void show(Role r) {
        if (r == null) {
            return;
        }
        showing = true;
        try {
            for (Severity s : Severity.values()) {
                SeverityChoice c = choice(r, s);
                desktop.get(s).set(c.desktop());
                sound.get(s).set(c.sound());
            }
        } finally {
            showing = false;
        }
    }

    private void edited(Severity s) {
        Role r = role.get();
        if (showing || r == null) {
            return;
        }
        AlertSound snd = sound.get(s).get() == null ? AlertSound.NONE : sound.get(s).get();
        SeverityChoice c = new SeverityChoice(desktop.get(s).get(), snd);
        if (c.equals(choice(r, s))) {
            return;
        }
        chosen.computeIfAbsent(r.name(), k -> new EnumMap<>(Severity.class)).put(s, c);
        String name = r.name();
        tasks.submit("remember notification choice", () -> preferences.notificationChoice(name, s, c));
    }
}
