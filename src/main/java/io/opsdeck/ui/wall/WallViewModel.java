package io.opsdeck.ui.wall;

import io.opsdeck.console.ActiveAlert;
import io.opsdeck.console.Playlist;
import io.opsdeck.console.Severity;
import io.opsdeck.ui.common.AgeText;
import io.opsdeck.ui.common.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The NOC wall: rotates the playlist's slides, each for its own interval, measured with the injected clock on
 * {@link #tick()}. An unacknowledged critical alert pauses the rotation and raises a banner until it is
 * acknowledged (here, or silenced in Alertmanager) or resolved; then the rotation resumes.
 */
public final class WallViewModel {

    private final List<Playlist.Slide> slides;
    private final Clock clock;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<Playlist.Slide> slide = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ActiveAlert> banner = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper bannerDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final Set<String> acknowledged = new HashSet<>();
    private List<ActiveAlert> pending = List.of();
    private int index;
    private Instant shownSince;

    /** @param start index of the first slide (walls on several monitors start at different slides) */
    public WallViewModel(List<Playlist.Slide> slides, int start, Clock clock, Messages messages) {
        if (slides.isEmpty()) {
            throw new IllegalArgumentException("The wall playlist names no dashboard the catalogue knows");
        }
        this.slides = List.copyOf(slides);
        this.clock = clock;
        this.messages = messages;
        this.index = Math.floorMod(start, slides.size());
        show(index);
    }

    public ReadOnlyObjectProperty<Playlist.Slide> slideProperty() {
        return slide.getReadOnlyProperty();
    }

    /** The critical alert on the banner, or null. */
    public ReadOnlyObjectProperty<ActiveAlert> bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** "web-1 · started 3 min ago · 2 more critical" (or "job=node · ...", "started ..."), plain text. */
    public ReadOnlyStringProperty bannerDetailProperty() {
        return bannerDetail.getReadOnlyProperty();
    }

    /** "2 / 5" or "2 / 5 · paused". */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Takes a new alert snapshot: criticals nobody acknowledged go on the banner, newest first. */
    public void acceptAlerts(List<ActiveAlert> snapshot) {
        Set<String> present = new HashSet<>();
        snapshot.forEach(a -> present.add(a.fingerprint()));
        acknowledged.retainAll(present);
        pending = snapshot.stream()
                .filter(a -> a.severity() == Severity.CRITICAL && a.unacknowledged() && !acknowledged.contains(a.fingerprint()))
                .sorted(Comparator.comparing(ActiveAlert::startsAt).reversed())
                .toList();
        updateBanner();
    }

    /** The operator acknowledges the banner's alert on the wall; the next one (if any) takes its place. */
    public void acknowledge() {
        ActiveAlert a = banner.get();
        if (a != null) {
            acknowledged.add(a.fingerprint());
            pending = pending.stream().filter(p -> !p.fingerprint().equals(a.fingerprint())).toList();
            updateBanner();
        }
    }

    /** Advances the rotation when the slide's time is up (not while paused) and re-ages the banner. */
    public void tick() {
        Instant now = clock.instant();
        if (!paused.get() && Duration.between(shownSince, now).compareTo(slide.get().interval()) >= 0) {
            show((index + 1) % slides.size());
        }
        updateDetail(now);
    }

    private void updateBanner() {
        boolean wasPaused = paused.get();
        banner.set(pending.isEmpty() ? null : pending.getFirst());
        paused.set(!pending.isEmpty());
        if (wasPaused && !paused.get()) {
            shownSince = clock.instant(); // a full interval after the banner goes
        }
        updateDetail(clock.instant());
        updatePosition();
    }

    private void updateDetail(Instant now) {
        ActiveAlert a = banner.get();
        if (a == null) {
            bannerDetail.set("");
            return;
        }
        String age = AgeText.of(Duration.between(a.startsAt(), now));
        String more = pending.size() > 1 ? " · " + messages.format("wall.moreCritical", pending.size() - 1) : "";
        // an alert without an instance (e.g. absent(up{job="node"})) names its job or the like, else only its age
        String subject = a.subject();
        bannerDetail.set((subject.isEmpty() ? messages.format("wall.bannerDetailAge", age)
                : messages.format("wall.bannerDetail", subject, age)) + more);
    }

    private void show(int i) {
        index = i;
        shownSince = clock.instant();
        slide.set(slides.get(i));
        updatePosition();
    }

    private void updatePosition() {
        String p = (index + 1) + " / " + slides.size();
        position.set(paused.get() ? messages.format("wall.positionPaused", p) : p);
    }
}
