package io.opsdeck.dashboard.query;

/**
 * Counters since the refresher was created, to measure what de-duplication, coalescing and incremental refresh
 * save. "Full" figures are what the same refreshes would have cost as full reloads.
 *
 * @param panelQueries        panel queries planned
 * @param requests            requests sent (after de-duplication)
 * @param coalescedRefreshes  refreshes merged into one still running
 * @param failedRequests      requests that failed
 * @param requestedSteps      steps asked for (sum of (end - start) / step + 1)
 * @param fullSteps           steps full reloads would have asked for
 * @param pointsReceived      points returned by the source
 * @param fullPoints          points the same frames hold after merging (what full reloads would have returned)
 */
public record RefreshStats(long panelQueries, long requests, long coalescedRefreshes, long failedRequests,
                           long requestedSteps, long fullSteps, long pointsReceived, long fullPoints) {

    /** Bytes per point in Prometheus' JSON ([1700000000.123,"0.123456"] is about 16-30 bytes); estimate only. */
    public static final int ESTIMATED_BYTES_PER_POINT = 24;

    /** Share of points not transferred thanks to incremental refresh (0..1). */
    public double pointsSaved() {
        return fullPoints == 0 ? 0 : 1.0 - (double) pointsReceived / fullPoints;
    }

    public long estimatedBytesReceived() {
        return pointsReceived * ESTIMATED_BYTES_PER_POINT;
    }

    public long estimatedBytesFull() {
        return fullPoints * ESTIMATED_BYTES_PER_POINT;
    }
}
