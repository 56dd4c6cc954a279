package io.opsdeck.remediation;

import io.opsdeck.remediation.RequestDrafts.Draft;
import io.opsdeck.store.RemediationRow;
import java.util.Map;

/**
 * What happens to a freshly stored request: the approval policy (automatic, approval, admin by hand) and, for runs
 * about to start, the safety checks that may block them.
 */
final class Admission {

    /**
     * The request's next state and the audit record saying why; {@code job} is set when it runs now,
     * {@code preview} when it waits for approval (approvers see a dry run first).
     */
    record Step(RemediationRow row, String auditKind, Map<String, ?> details, Executions.Job job, Draft preview) {
    }

    private final RemediationEngine e;

    Admission(RemediationEngine engine) {
        this.e = engine;
    }

    /** Applies the policy to a stored, valid request; {@code manual} with {@code admin} may run critical risk. */
    Step decide(Draft d, boolean manual, boolean admin, long now) {
        RemediationRow r = d.row();
        Policy.Decision decision = Policy.decide(d.risk().level(), e.toggles.auto(), d.plan().auto());
        if (decision == Policy.Decision.MANUAL_ONLY && !(manual && admin)) {
            e.metrics.result(r.plan(), "manual_only");
            return new Step(r.withStatus("manual_only", null, now), "blocked",
                    Map.of("reason", "critical risk: only an admin can run this, by hand"), null, null);
        }
        if (decision == Policy.Decision.APPROVAL && !(manual && d.risk().level() == RiskLevel.LOW)) {
            int needed = Policy.approvalsNeeded(d.risk().level());
            long expires = now + e.settings.limits().approvalTtl().toMillis();
            return new Step(r.withRisk(r.risk(), r.reasons(), needed, expires, now).withStatus("pending_approval", null, now),
                    "awaiting_approval", Map.of("approvals_needed", needed, "expires_at", expires), null, d);
        }
        String blocked = blockedReason(d, !manual, now);
        if (blocked != null) {
            e.metrics.result(r.plan(), "blocked");
            return new Step(r.withStatus("done", "blocked", now), "blocked", Map.of("reason", blocked), null, null);
        }
        RemediationRow q = r.withStatus("queued", null, now);
        return new Step(q, "admitted", Map.of("automatic", !manual, "dry_run", e.toggles.dryRun()),
                new Executions.Job(q, d.plan(), d.params().values(), d.action(), e.toggles.dryRun()), null);
    }

    /**
     * Why a run may not start now, or null: plan enabled, (automatic only) loop protection, then the rate limits,
     * cooldown and (automatic only) the fleet brake.
     */
    String blockedReason(Draft d, boolean automatic, long now) {
        String target = d.params().target();
        // an open breaker holds approved runs too: after one failure the risk rises and every run needs approval,
        // so a breaker that only held automatic runs would never hold anything
        if (!e.toggles.planEnabled(d.plan().name())) {
            return "plan " + d.plan().name() + " is disabled (circuit breaker or by hand); re-enable toggle plan." + d.plan().name();
        }
        if (automatic) {
            long since = now - e.settings.limits().loopWindow().toMillis();
            int fixes = e.store.read(c -> e.store.remediation().startedOnTargetSince(c, target, since));
            if (fixes >= e.settings.limits().loopFixes()) {
                String msg = "loop protection: " + target + " was remediated " + fixes + " times within "
                        + e.settings.limits().loopWindow().toMinutes() + " min; automation stopped for it, escalating";
                e.events.accept(new RemediationEvent("loop_protection", d.plan().name(), target, msg));
                return msg;
            }
        }
        return e.guard.admit(d.plan().name(), target, automatic, e.fleetSize(1), now);
    }
}
