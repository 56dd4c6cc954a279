package io.opsdeck.ui.shell;

import io.opsdeck.console.SourceHealth;
import io.opsdeck.console.SourceKind;
import io.opsdeck.ui.common.AgeText;
import io.opsdeck.ui.common.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One source's status-bar entry: its text, whether its data is stale, and a tooltip with the last error. */
public final class SourceIndicator {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final String name;
    private final SourceKind kind;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private SourceHealth health;

    SourceIndicator(SourceHealth health) {
        this.name = health.name();
        this.kind = health.kind();
        this.health = health;
    }

    public String name() {
        return name;
    }

    public SourceKind kind() {
        return kind;
    }

    public SourceHealth health() {
        return health;
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public boolean isStale() {
        return stale.get();
    }

    void update(SourceHealth latest) {
        this.health = latest;
    }

    /**
     * Recomputes age, staleness and tooltip at {@code now}. A source not asked yet (no answer, no error: the
     * console's pollers wait for its first paint) is stale only once {@code staleAfter} has passed since
     * {@code watchedSince}, as if it had answered then.
     */
    void refresh(Instant now, Duration staleAfter, Instant watchedSince, ZoneId zone, Messages messages) {
        Instant good = health.lastGoodAnswer();
        Duration age = good == null ? null : Duration.between(good, now);
        boolean notAskedYet = good == null && health.lastError() == null;
        boolean isStale = notAskedYet ? Duration.between(watchedSince, now).compareTo(staleAfter) > 0
                : age == null || age.compareTo(staleAfter) > 0;
        String ageText = age == null ? messages.get("status.never") : messages.format("status.age", AgeText.of(age));
        stale.set(isStale);
        text.set(isStale ? messages.format("status.sourceStale", name, ageText) : messages.format("status.source", name, ageText));
        String when = good == null ? messages.get("status.never") : TIME.format(good.atZone(zone)) + " (" + ageText + ")";
        String tip = messages.format("status.tooltip.lastGood", when);
        if (isStale) {
            tip += "\n" + messages.format("status.tooltip.staleAfter", AgeText.of(staleAfter));
        }
        tip += "\n" + health.error().map(e -> messages.format("status.tooltip.lastError", e))
                .orElse(messages.get("status.tooltip.noError"));
        tooltip.set(tip);
    }
}
