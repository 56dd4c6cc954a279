package io.opsdeck.remediation;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.LongSupplier;

/** {@code opsdeck_remediation_*} metrics, registered in the registry the agent serves. */
final class RemediationMetrics {

    private final Counter actions;
    private final Counter failures;

    RemediationMetrics(PrometheusRegistry registry, LongSupplier pending) {
        actions = Counter.builder().name("opsdeck_remediation_actions_total")
                .help("Remediation requests by plan and result (succeeded, failed, rolled_back, blocked, rejected, dry_run, ...)")
                .labelNames("plan", "result").register(registry);
        failures = Counter.builder().name("opsdeck_remediation_failures_total")
                .help("Remediation failures by plan and reason").labelNames("plan", "reason").register(registry);
        GaugeWithCallback.builder().name("opsdeck_remediation_approvals_pending")
                .help("Remediation requests waiting for approval").callback(cb -> cb.call(pending.getAsLong())).register(registry);
    }

    void result(String plan, String result) {
        actions.labelValues(plan, result).inc();
    }

    void failure(String plan, String reason) {
        failures.labelValues(plan, reason).inc();
    }
}
