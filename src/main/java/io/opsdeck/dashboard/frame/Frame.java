package io.opsdeck.dashboard.frame;

import java.util.List;

/**
 * Query result of one panel or query: a list of series.
 *
 * @param series the series, in query order
 */
public record Frame(List<Series> series) {

    /** No data. */
    public static final Frame EMPTY = new Frame(List.of());

    public Frame {
        series = series == null ? List.of() : List.copyOf(series);
    }

    /** Total number of points. */
    public long points() {
        return series.stream().mapToLong(Series::size).sum();
    }
}
