package io.opsdeck.dashboard.query;

/**
 * One request to a source. Two panel queries with equal keys are sent once.
 *
 * @param source  configured source name
 * @param expr    fully interpolated PromQL
 * @param startMs aligned start, epoch ms
 * @param endMs   aligned end, epoch ms ({@code == startMs} for instant queries)
 * @param stepMs  step in ms
 */
public record QueryKey(String source, String expr, long startMs, long endMs, long stepMs) {

    /** Identity of the series regardless of range, used to refresh incrementally. */
    public SeriesKey series() {
        return new SeriesKey(source, expr, stepMs, startMs == endMs);
    }

    /** Number of steps the request covers. */
    public long steps() {
        return (endMs - startMs) / stepMs + 1;
    }

    /**
     * Range-independent identity.
     *
     * @param source  source name
     * @param expr    PromQL
     * @param stepMs  step
     * @param instant single evaluation
     */
    public record SeriesKey(String source, String expr, long stepMs, boolean instant) {
    }
}
