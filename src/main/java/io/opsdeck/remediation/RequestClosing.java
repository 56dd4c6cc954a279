package io.opsdeck.remediation;

import io.opsdeck.store.RemediationRow;
import java.util.List;
import java.util.Map;

/** Ends requests that will not run (expired, resolved, rejected, cancelled, blocked), each with its audit record. */
final class RequestClosing {

    private final RemediationEngine e;

    RequestClosing(RemediationEngine engine) {
        this.e = engine;
    }

    /** The alert resolved: pending approvals are void, and runs of plans with {@code cancel_on_resolve} stop. */
    void resolved(String fingerprint) {
        List<RemediationRow> open = e.store.read(c -> e.store.remediation().openFor(c, fingerprint));
        for (RemediationRow r : open) {
            if ("pending_approval".equals(r.status())) {
                finish(r, "void_resolved", "approvals_voided", "opsdeck", Map.of("reason", "the alert resolved"));
            } else if (e.plans.containsKey(r.plan()) && e.plans.get(r.plan()).cancelOnResolve() && e.executions.cancel(r.id())) {
                auditOnly(r, "cancel", "opsdeck", Map.of("reason", "the alert resolved (cancel_on_resolve)"));
            }
        }
    }

    /** Ends pending requests whose approval window ran out. */
    void expire() {
        long now = e.clock.millis();
        for (RemediationRow r : e.store.remediation().search(List.of("pending_approval"), null, null, null, 10_000)) {
            if (r.expiresAt() != null && r.expiresAt() <= now) {
                finish(r, "expired", "expiry", "opsdeck", Map.of("reason", "approval window ran out"));
            }
        }
    }

    /** Moves {@code r} to done with {@code result} and audits it as {@code kind}. */
    void finish(RemediationRow r, String result, String kind, String actor, Map<String, ?> details) {
        long now = e.clock.millis();
        RemediationRow done = r.withStatus("done", result, now).withOutput(r.dryRunOutput(), r.output(), r.startedAt(), now, now);
        e.store.writeAndWait(c -> {
            e.store.remediation().update(c, done);
            e.audit.append(c, now, kind, actor, done, details);
            return null;
        });
        e.metrics.result(r.plan(), result);
    }

    /** Audits something that did not change the request's state (a refusal, a cancellation asked of a run). */
    void auditOnly(RemediationRow r, String kind, String actor, Map<String, ?> details) {
        long now = e.clock.millis();
        e.store.writeAndWait(c -> {
            e.audit.append(c, now, kind, actor, r, details);
            return null;
        });
    }
}
