package io.opsdeck.ui.shell;

import io.opsdeck.console.RefreshInterval;
import io.opsdeck.console.SourceHealth;
import io.opsdeck.console.SourceHealthFeed;
import io.opsdeck.console.SourceKind;
import io.opsdeck.console.Subscription;
import io.opsdeck.ui.common.AgeText;
import io.opsdeck.ui.common.Messages;
import io.opsdeck.ui.common.UiBatcher;
import io.opsdeck.ui.common.UiExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The status bar's state: one {@link SourceIndicator} per source and the agent, ages from the injected clock,
 * stale when the last good answer is older than two refresh intervals (a source not asked yet: two intervals after
 * this model was made). Feed events arrive on any thread and
 * are applied in batches on the UI thread; {@link #tick()} re-ages everything (the view calls it every second).
 */
public final class StatusViewModel {

    private final SourceHealthFeed feed;
    private final Clock clock;
    private final Messages messages;
    private final UiBatcher<SourceHealth> batcher;
    private final Map<String, SourceIndicator> byName = new LinkedHashMap<>();
    private final ObservableList<SourceIndicator> indicators = FXCollections.observableArrayList();
    private final ObjectProperty<RefreshInterval> refresh = new SimpleObjectProperty<>(RefreshInterval.S30);
    private final ReadOnlyBooleanWrapper dataStale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dashboardDataStale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper staleSummary = new ReadOnlyStringWrapper("");
    private Subscription subscription;
    /** When this model was made (the window's build): the age of a source not asked yet counts from here. */
    private final Instant watchedSince;

    public StatusViewModel(SourceHealthFeed feed, Clock clock, UiExecutor ui, Messages messages) {
        this.feed = feed;
        this.clock = clock;
        this.messages = messages;
        this.watchedSince = clock.instant();
        this.batcher = new UiBatcher<>(ui, this::apply);
        refresh.addListener((o, a, b) -> tick());
    }

    /** Starts listening and shows the feed's current state; call when the view is shown. */
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

    public ObservableList<SourceIndicator> indicators() {
        return indicators;
    }

    /** The dashboard refresh interval staleness is measured against. */
    public ObjectProperty<RefreshInterval> refreshProperty() {
        return refresh;
    }

    /** Whether a Prometheus or Alertmanager source is stale: what the wall shows may be out of date. */
    public ReadOnlyBooleanProperty dataStaleProperty() {
        return dataStale.getReadOnlyProperty();
    }

    /** Whether a Prometheus source is stale: dashboards mark their panels. */
    public ReadOnlyBooleanProperty dashboardDataStaleProperty() {
        return dashboardDataStale.getReadOnlyProperty();
    }

    /** One line naming every stale Prometheus or Alertmanager source, for the wall's banner; empty when all are fresh. */
    public ReadOnlyStringProperty staleSummaryProperty() {
        return staleSummary.getReadOnlyProperty();
    }

    public SourceIndicator indicator(String name) {
        return byName.get(name);
    }

    /** Re-ages every indicator at the clock's now. */
    public void tick() {
        Instant now = clock.instant();
        Duration staleAfter = refresh.get().staleAfter();
        for (SourceIndicator i : byName.values()) {
            i.refresh(now, staleAfter, watchedSince, clock.getZone(), messages);
        }
        List<SourceIndicator> stale = byName.values().stream()
                .filter(i -> i.isStale() && i.kind() != SourceKind.AGENT).toList();
        dataStale.set(!stale.isEmpty());
        dashboardDataStale.set(stale.stream().anyMatch(i -> i.kind() == SourceKind.PROMETHEUS));
        staleSummary.set(stale.isEmpty() ? "" : messages.format("wall.staleBanner", stale.stream()
                .map(i -> i.name() + " (" + i.health().lastGood()
                        .map(g -> messages.format("status.age", AgeText.of(Duration.between(g, now))))
                        .orElse(messages.get("status.never"))
                        + i.health().error().map(e -> ": " + e).orElse("") + ")")
                .collect(Collectors.joining(", "))));
    }

    private void apply(List<SourceHealth> updates) {
        boolean added = false;
        for (SourceHealth h : updates) {
            SourceIndicator i = byName.get(h.name());
            if (i == null) {
                byName.put(h.name(), new SourceIndicator(h));
                added = true;
            } else {
                i.update(h);
            }
        }
        if (added) {
            indicators.setAll(byName.values());
        }
        tick();
    }
}
