package io.opsdeck.remediation;

import io.opsdeck.prometheus.PrometheusClient;
import io.opsdeck.store.RemediationRow;
import io.opsdeck.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs admitted requests on their own threads (never the intake or UI threads), at most {@code max_concurrent} at
 * once: the action (or its dry run), then verification by PromQL, then the rollback when verification fails.
 * Every step is audited.
 */
final class Executions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Executions.class);

    /** What a queued request needs to run. */
    record Job(RemediationRow row, RemediationPlan plan, Map<String, String> params, RenderedAction action, boolean dryRun) {
    }

    private final Store store;
    private final Audit audit;
    private final ActionRunner runner;
    private final ActionRenderer renderer;
    private final PrometheusClient prometheus;
    private final RemediationSettings settings;
    private final RemediationMetrics metrics;
    private final Clock clock;
    private final BiConsumer<RemediationPlan, String> finished;
    private final ExecutorService pool;
    private final Map<String, ActionRunner.Running> running = new ConcurrentHashMap<>();

    Executions(Store store, Audit audit, ActionRunner runner, ActionRenderer renderer, PrometheusClient prometheus,
            RemediationSettings settings, RemediationMetrics metrics, Clock clock, BiConsumer<RemediationPlan, String> finished) {
        this.store = store;
        this.audit = audit;
        this.runner = runner;
        this.renderer = renderer;
        this.prometheus = prometheus;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.finished = finished;
        this.pool = Executors.newFixedThreadPool(settings.limits().maxConcurrent(),
                Thread.ofPlatform().name("opsdeck-remediation-", 0).daemon(true).factory());
    }

    void submit(Job job) {
        ActionRunner.Running r = new ActionRunner.Running(settings.limits().outputLimit());
        running.put(job.row().id(), r);
        pool.execute(() -> {
            try {
                run(job, r);
            } catch (RuntimeException e) {
                LOG.error("Remediation {} failed unexpectedly", job.row().id(), e);
            } finally {
                running.remove(job.row().id());
            }
        });
    }

    /** Live output of requests in progress, by request id. */
    Map<String, String> live() {
        Map<String, String> out = new LinkedHashMap<>();
        running.forEach((id, r) -> out.put(id, r.output.toString()));
        return out;
    }

    boolean cancel(String id) {
        ActionRunner.Running r = running.get(id);
        if (r == null) {
            return false;
        }
        r.cancel();
        return true;
    }

    /** Dry-run output for an approver: the plan's dry_run action when it has one, else the rendered request. */
    String preview(RemediationPlan plan, Map<String, String> params, RenderedAction action) {
        if (plan.dryRun() == null) {
            return "would run: " + action.describe();
        }
        ActionRunner.Running r = new ActionRunner.Running(settings.limits().outputLimit());
        ExecResult res = runner.run(renderer.render(plan.dryRun(), params), plan.timeout(), r);
        return res.output() + (res.ok() ? "" : "\n[dry run " + res.outcome() + ", code " + res.code() + "]");
    }

    private void run(Job job, ActionRunner.Running r) {
        RemediationRow row = job.row();
        RemediationPlan plan = job.plan();
        long start = clock.millis();
        RemediationRow started = row.withStatus("running", null, start).withOutput(row.dryRunOutput(), null, start, null, start);
        write(started, "execution_started", Map.of("action", job.action().describe(), "dry_run", job.dryRun(), "timeout_s",
                plan.timeout().toSeconds()));
        if (job.dryRun()) {
            String out = preview(plan, job.params(), job.action());
            finish(started.withOutput(out, out, start, clock.millis(), clock.millis()), plan, "dry_run", Map.of("output", clip(out)));
            return;
        }
        ExecResult res = runner.run(job.action(), plan.timeout(), r);
        RemediationRow ran = started.withOutput(row.dryRunOutput(), res.output(), start, null, clock.millis());
        write(ran, "execution", Map.of("outcome", res.outcome(), "code", res.code(), "output", clip(res.output())));
        if (!res.ok()) {
            metrics.failure(plan.name(), res.outcome());
            finish(ran, plan, res.cancelled() ? "cancelled" : res.timedOut() ? "timeout" : "failed", Map.of());
            return;
        }
        if (plan.verify() == null) {
            finish(ran, plan, "succeeded", Map.of("verified", "no verification configured"));
            return;
        }
        RemediationRow verifying = ran.withStatus("verifying", null, clock.millis());
        write(verifying, null, null);
        String query = Placeholders.fill(plan.verify().query(), settings.vars(), Placeholders.Mode.PROMQL, job.params()::get);
        String verdict = verify(plan.verify(), query, r);
        write(verifying, "verification", Map.of("query", query, "expect", plan.verify().expect(), "within_s",
                plan.verify().within().toSeconds(), "verdict", verdict));
        if (verdict.equals("passed")) {
            finish(verifying, plan, "succeeded", Map.of());
            return;
        }
        metrics.failure(plan.name(), "verification_" + verdict);
        if (plan.rollback() == null || r.cancelled()) {
            finish(verifying, plan, r.cancelled() ? "cancelled" : "verification_failed", Map.of());
            return;
        }
        ActionRunner.Running rr = new ActionRunner.Running(settings.limits().outputLimit());
        RenderedAction rollback = renderer.render(plan.rollback(), job.params());
        ExecResult rb = runner.run(rollback, plan.timeout(), rr);
        write(verifying, "rollback", Map.of("action", rollback.describe(), "outcome", rb.outcome(), "code", rb.code(),
                "output", clip(rb.output())));
        if (!rb.ok()) {
            metrics.failure(plan.name(), "rollback_" + rb.outcome());
        }
        finish(verifying.withOutput(verifying.dryRunOutput(), verifying.output() + "\n--- rollback ---\n" + rb.output(),
                verifying.startedAt(), null, clock.millis()), plan, rb.ok() ? "rolled_back" : "rollback_failed", Map.of());
    }

    /** Polls until the query's result is as expected ("passed"), time runs out ("failed"), or an error persists. */
    private String verify(VerifySpec spec, String query, ActionRunner.Running r) {
        if (prometheus == null) {
            return "failed: no remediation.prometheus configured";
        }
        // elapsed time, not the engine clock: a frozen or skewed clock must not make verification wait forever
        long deadline = System.nanoTime() + spec.within().toNanos();
        String last = "failed";
        while (!r.cancelled()) {
            try {
                boolean empty = prometheus.query(query, Instant.now()).series().isEmpty();
                if (empty == spec.wantsEmpty()) {
                    return "passed";
                }
                last = "failed";
            } catch (RuntimeException e) {
                last = "failed: " + e.getMessage();
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return last;
            }
            try {
                Thread.sleep(Math.min(spec.every().toMillis(), Math.max(1, left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "cancelled";
            }
        }
        return "cancelled";
    }

    private void finish(RemediationRow row, RemediationPlan plan, String result, Map<String, Object> details) {
        long now = clock.millis();
        RemediationRow done = row.withStatus("done", result, now).withOutput(row.dryRunOutput(), row.output(), row.startedAt(), now, now);
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put("result", result);
        d.put("duration_ms", now - (row.startedAt() == null ? now : row.startedAt()));
        write(done, "finished", d);
        metrics.result(plan.name(), result);
        finished.accept(plan, result);
    }

    private void write(RemediationRow row, String kind, Map<String, ?> details) {
        long now = clock.millis();
        store.writeAndWait(c -> {
            store.remediation().update(c, row);
            if (kind != null) {
                audit.append(c, now, kind, "opsdeck", row, details);
            }
            return null;
        });
    }

    static String clip(String s) {
        return s == null ? "" : s.length() <= 4096 ? s : s.substring(0, 4096) + BoundedOutput.TRUNCATED;
    }

    @Override
    public void close() {
        running.values().forEach(ActionRunner.Running::cancel);
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
