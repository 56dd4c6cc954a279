package io.opsdeck.simulate;

import static io.opsdeck.simulate.Out.meta;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;

/** celery-exporter: task counters of the host's worker and the length of its queues. */
final class CeleryModel implements ModuleModel {

    /** After scale_workers the backlog drains within five minutes. */
    private static final double DRAIN_SECONDS = 300;
    private static final String[] TASKS = {"tasks.embed_documents", "tasks.send_report", "tasks.train_batch"};
    private static final double[] RATE = {12, 3, 0.5};
    private static final MetricMetadata[] COUNTERS = {
        meta("celery_task_received", "Sent when the worker receives a task."),
        meta("celery_task_succeeded", "Sent if the task executed successfully."),
        meta("celery_task_failed", "Sent if the execution of the task failed."),
        meta("celery_task_retried", "Sent if the task failed, but will be retried in the future.")};
    private static final MetricMetadata UP = meta("celery_worker_up", "Indicates if a worker has recently sent a heartbeat.");
    private static final MetricMetadata ACTIVE = meta("celery_worker_tasks_active", "The number of tasks the worker is currently processing");
    private static final MetricMetadata QUEUE = meta("celery_queue_length", "The number of message in broker queue.");
    private static final Labels QUEUE_CELERY = Labels.of("queue_name", "celery");
    private static final Labels QUEUE_GPU = Labels.of("queue_name", "gpu");

    private final Host h;
    private final Labels worker;
    private final Labels[] taskLabels = new Labels[TASKS.length];
    private final double[][] counters = new double[TASKS.length][COUNTERS.length];

    CeleryModel(Host h) {
        this.h = h;
        String hostname = "celery@" + h.name;
        worker = Labels.of("hostname", hostname);
        for (int k = 0; k < TASKS.length; k++) {
            taskLabels[k] = Labels.of("hostname", hostname, "name", TASKS[k]);
        }
        step(h.serviceStart, h.t0 - h.serviceStart);
    }

    @Override
    public void step(double t, double dt) {
        Fault backlog = h.fault(FaultKind.QUEUE_BACKLOG);
        double extra = backlog == null ? 0 : backlog.number("tasks_per_second");
        double load = h.load(t);
        for (int k = 0; k < TASKS.length; k++) {
            double done = RATE[k] * load * (1 + 0.1 * h.noise(1000 + k, t));
            double received = done + (k == 0 ? extra : 0);
            counters[k][0] += received * dt;
            counters[k][1] += done * 0.985 * dt;
            counters[k][2] += done * 0.015 * dt;
            counters[k][3] += done * 0.006 * dt;
        }
    }

    private double queueLength(double t) {
        Fault backlog = h.fault(FaultKind.QUEUE_BACKLOG);
        double base = Math.round(3 + 10 * h.load(t) * Noise.unit(h.seed, 1010, (long) (t / Host.STEP)));
        if (backlog != null) {
            return base + Math.floor(backlog.number("tasks_per_second") * backlog.age(t));
        }
        if (!Double.isNaN(h.queueDrainAt)) {
            base += Math.floor(h.queueDrainFrom * Math.max(0, 1 - (t - h.queueDrainAt) / DRAIN_SECONDS));
        }
        return base;
    }

    @Override
    public void render(double t, Out out) {
        for (int c = 0; c < COUNTERS.length; c++) {
            out.counter(COUNTERS[c]);
            for (int k = 0; k < TASKS.length; k++) {
                out.point(taskLabels[k], Math.floor(counters[k][c]));
            }
        }
        out.gauge(UP).point(worker, 1);
        boolean busy = h.fault(FaultKind.QUEUE_BACKLOG) != null;
        out.gauge(ACTIVE).point(worker, busy ? 8 : Math.round(3 + 4 * h.load(t)));
        out.gauge(QUEUE).point(QUEUE_CELERY, queueLength(t)).point(QUEUE_GPU, Math.round(2 * h.load(t)));
    }
}
