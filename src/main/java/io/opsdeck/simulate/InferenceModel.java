package io.opsdeck.simulate;

import static io.opsdeck.simulate.Out.meta;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import java.util.Arrays;

/** The model server on an ML host: requests by model and code, and their latency. */
final class InferenceModel implements ModuleModel {

    private static final MetricMetadata DURATION = meta("inference_request_duration_seconds", "Inference request latency.");
    private static final MetricMetadata REQUESTS = meta("inference_requests", "Inference requests by model and status code.");
    private static final String[] MODELS = {"bert-base", "resnet50"};
    private static final double[] RPS = {25, 40};
    // bert-base's healthy p95 stays under InferenceLatencyP95High's 0.5 s (histogram_quantile read 0.81 s at a
    // median of 0.3 s, so the warning fired on every ML host all the time); latency_spike still crosses it
    private static final double[] MEDIAN = {0.18, 0.12};
    private static final String[] CODES = {"200", "500"};

    private final Host h;
    private final Labels[] modelLabels = new Labels[MODELS.length];
    private final Labels[][] codeLabels = new Labels[MODELS.length][CODES.length];
    private final double[][] requests = new double[MODELS.length][CODES.length];
    private final LatencyHistogram[] latency = new LatencyHistogram[MODELS.length];
    private double startSeen;

    InferenceModel(Host h) {
        this.h = h;
        for (int m = 0; m < MODELS.length; m++) {
            modelLabels[m] = Labels.of("model", MODELS[m]);
            for (int c = 0; c < CODES.length; c++) {
                codeLabels[m][c] = Labels.of("code", CODES[c], "model", MODELS[m]);
            }
            latency[m] = new LatencyHistogram(LatencyHistogram.INFERENCE_BOUNDS);
        }
        startSeen = h.serviceStart;
        step(h.serviceStart, h.t0 - h.serviceStart);
    }

    private void resetOnRestart() {
        if (startSeen != h.serviceStart) {
            startSeen = h.serviceStart;
            for (int m = 0; m < MODELS.length; m++) {
                Arrays.fill(requests[m], 0);
                latency[m].reset();
            }
        }
    }

    @Override
    public void step(double t, double dt) {
        if (t + dt <= h.serviceStart) {
            return;
        }
        resetOnRestart();
        double errors = AppModel.errorRatio(h, t);
        double slow = AppModel.slowdown(h, t);
        for (int m = 0; m < MODELS.length; m++) {
            double n = RPS[m] * h.load(t) * (1 + 0.1 * h.noise(900 + m, t)) * dt;
            requests[m][0] += n * (1 - errors);
            requests[m][1] += n * errors;
            latency[m].observe(n, MEDIAN[m] * slow, 0.45);
        }
    }

    @Override
    public void render(double t, Out out) {
        resetOnRestart();
        out.histogram(DURATION);
        for (int m = 0; m < MODELS.length; m++) {
            latency[m].render(out, modelLabels[m]);
        }
        out.counter(REQUESTS);
        for (int m = 0; m < MODELS.length; m++) {
            for (int c = 0; c < CODES.length; c++) {
                out.point(codeLabels[m][c], Math.floor(requests[m][c]));
            }
        }
    }
}
