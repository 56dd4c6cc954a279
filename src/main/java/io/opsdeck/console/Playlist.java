package io.opsdeck.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the NOC wall rotates through. Entries name a dashboard id or a tag (which expands to every dashboard
 * with that tag), each with its own interval.
 *
 * @param entries in order; never empty once resolved
 */
public record Playlist(List<Entry> entries) {

    /** Interval used when an entry names none. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

    public Playlist {
        entries = List.copyOf(entries);
    }

    /**
     * One entry: exactly one of {@code dashboardId} and {@code tag}.
     *
     * @param dashboardId a dashboard id, or null
     * @param tag         a tag, or null
     * @param interval    how long it stays on screen
     */
    public record Entry(String dashboardId, String tag, Duration interval) {
        public Entry {
            if ((dashboardId == null) == (tag == null)) {
                throw new IllegalArgumentException("A playlist entry names either a dashboard or a tag");
            }
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("A playlist interval must be positive, not " + interval);
            }
        }
    }

    /** A shown slide: one dashboard for one interval. */
    public record Slide(DashboardSummary dashboard, Duration interval) {
    }

    /** The role's dashboards, one minute each: the wall's playlist when none is given. */
    public static Playlist ofDashboards(List<String> ids, Duration interval) {
        return new Playlist(ids.stream().map(id -> new Entry(id, null, interval)).toList());
    }

    /** Expands tags and drops ids the catalogue does not know. */
    public List<Slide> resolve(DashboardCatalogue catalogue) {
        List<Slide> slides = new ArrayList<>();
        for (Entry e : entries) {
            if (e.dashboardId() != null) {
                catalogue.find(e.dashboardId()).ifPresent(d -> slides.add(new Slide(d, e.interval())));
            } else {
                catalogue.withTag(e.tag()).forEach(d -> slides.add(new Slide(d, e.interval())));
            }
        }
        return List.copyOf(slides);
    }
}
