package io.opsdeck.simulate;

import static io.opsdeck.simulate.Out.meta;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;

/** The web application's own metrics: requests by code, latency histogram, process facts. */
final class AppModel implements ModuleModel {

    private static final MetricMetadata REQUESTS = meta("http_requests", "Total HTTP requests processed.");
    private static final MetricMetadata DURATION = meta("http_request_duration_seconds", "HTTP request latency.");
    private static final MetricMetadata START = meta("process_start_time_seconds", "Start time of the process since unix epoch in seconds.");
    private static final MetricMetadata RSS = meta("process_resident_memory_bytes", "Resident memory size in bytes.");
    private static final MetricMetadata CPU = meta("process_cpu_seconds", "Total user and system CPU time spent in seconds.");

    private static final String[] HANDLERS = {"/", "/api/orders", "/api/orders", "/api/users", "/login"};
    private static final String[] METHODS = {"GET", "GET", "POST", "GET", "POST"};
    private static final double[] SHARE = {0.35, 0.2, 0.1, 0.25, 0.1};
    private static final double[] MEDIAN = {0.02, 0.08, 0.15, 0.05, 0.12};
    private static final String[] CODES = {"200", "404", "500", "503"};

    private final Host h;
    private final Labels[][] requestLabels = new Labels[HANDLERS.length][CODES.length];
    private final Labels[] durationLabels = new Labels[HANDLERS.length];
    private final double[][] requests = new double[HANDLERS.length][CODES.length];
    private final LatencyHistogram[] latency = new LatencyHistogram[HANDLERS.length];
    private double cpuSeconds;
    private double startSeen;

    AppModel(Host h) {
        this.h = h;
        for (int e = 0; e < HANDLERS.length; e++) {
            for (int c = 0; c < CODES.length; c++) {
                String code = METHODS[e].equals("POST") && c == 0 ? "201" : CODES[c];
                requestLabels[e][c] = Labels.of("code", code, "handler", HANDLERS[e], "method", METHODS[e]);
            }
            durationLabels[e] = Labels.of("handler", HANDLERS[e], "method", METHODS[e]);
            latency[e] = new LatencyHistogram(LatencyHistogram.HTTP_BOUNDS);
        }
        startSeen = h.serviceStart;
        step(h.serviceStart, h.t0 - h.serviceStart);
    }

    /** A restart starts every counter from zero, as a real process does. */
    private void resetOnRestart() {
        if (startSeen != h.serviceStart) {
            startSeen = h.serviceStart;
            cpuSeconds = 0;
            for (int e = 0; e < HANDLERS.length; e++) {
                java.util.Arrays.fill(requests[e], 0);
                latency[e].reset();
            }
        }
    }

    /** Fraction of requests answered with 5xx: rises with saturation and during an http_5xx_burst. */
    static double errorRatio(Host h, double t) {
        Fault burst = h.fault(FaultKind.HTTP_5XX_BURST);
        double s = h.saturation(t);
        return Math.min(1, 0.002 + 0.08 * s * s + (burst == null ? 0 : burst.number("ratio")));
    }

    /** Latency multiplier: grows with saturation and by the latency_spike factor. */
    static double slowdown(Host h, double t) {
        Fault spike = h.fault(FaultKind.LATENCY_SPIKE);
        double s = h.saturation(t);
        return (1 + 6 * s * s) * (spike == null ? 1 : spike.number("factor"));
    }

    @Override
    public void step(double t, double dt) {
        if (t + dt <= h.serviceStart) {
            return;
        }
        resetOnRestart();
        double rps = 120 * h.load(t) * (1 + 0.1 * h.noise(500, t));
        double errors = errorRatio(h, t);
        double slow = slowdown(h, t);
        for (int e = 0; e < HANDLERS.length; e++) {
            double n = rps * SHARE[e] * dt;
            double notFound = 0.015;
            requests[e][0] += n * (1 - errors - notFound);
            requests[e][1] += n * notFound;
            requests[e][2] += n * errors * 0.7;
            requests[e][3] += n * errors * 0.3;
            latency[e].observe(n, MEDIAN[e] * slow, 0.55);
        }
        cpuSeconds += h.cpuUtil(t) * h.cpus * 0.6 * dt;
    }

    @Override
    public void render(double t, Out out) {
        resetOnRestart();
        out.counter(REQUESTS);
        for (int e = 0; e < HANDLERS.length; e++) {
            for (int c = 0; c < CODES.length; c++) {
                out.point(requestLabels[e][c], Math.floor(requests[e][c]));
            }
        }
        out.histogram(DURATION);
        for (int e = 0; e < HANDLERS.length; e++) {
            latency[e].render(out, durationLabels[e]);
        }
        out.gauge(START).point(Labels.EMPTY, h.serviceStart);
        Fault leak = h.fault(FaultKind.MEMORY_LEAK);
        double rss = 350e6 + 150e6 * h.load(t) + (leak == null ? 0 : Math.min(h.memTotal * 0.9,
                leak.number("bytes_per_second") * leak.age(t)));
        out.gauge(RSS).point(Labels.EMPTY, Math.floor(rss));
        out.counter(CPU).point(Labels.EMPTY, cpuSeconds);
    }
}
