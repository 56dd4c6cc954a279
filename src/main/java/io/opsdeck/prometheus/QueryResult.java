package io.opsdeck.prometheus;

import java.util.List;

/**
 * The decoded answer to an instant or range query.
 * <ul>
 *   <li>matrix and vector: one {@link Series} per result series (a vector series has one sample);</li>
 *   <li>scalar: one series with empty labels and one sample;</li>
 *   <li>string: one series with empty labels and one sample whose value is NaN; the text is {@link #stringValue()}.</li>
 * </ul>
 * Warnings from the server are passed through; the decoder adds its own (e.g. unsupported native histograms).
 *
 * @param stringValue the text of a string result, else null
 */
public record QueryResult(ResultType resultType, List<Series> series, String stringValue, List<String> warnings,
                          QueryStats stats) {

    public QueryResult {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
    }

    /** The value of a scalar result, or of a vector with exactly one series; NaN when there is none. */
    public double scalar() {
        return series.size() == 1 ? series.get(0).lastValue() : Double.NaN;
    }

    /** Samples over all series. */
    public long sampleCount() {
        long n = 0;
        for (Series s : series) {
            n += s.size();
        }
        return n;
    }

    /** This result with different stats (the client fills in the elapsed time). */
    QueryResult withStats(QueryStats newStats) {
        return new QueryResult(resultType, series, stringValue, warnings, newStats);
    }
}
