package io.opsdeck.remediation;

import io.opsdeck.remediation.RequestDrafts.Draft;
import io.opsdeck.remediation.RequestDrafts.Params;
import io.opsdeck.store.RemediationDao;
import io.opsdeck.store.RemediationRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * People deciding on a request: approve (with the risk assessed again, since approvals given at another risk do
 * not count), reject and cancel, each refused with a reason when the request's state does not allow it.
 */
final class Approvals {

    private static final List<String> UNDECIDED = List.of("pending_approval", "manual_only");
    private static final List<String> IN_FLIGHT = List.of("queued", "running", "verifying");

    private final RemediationEngine e;
    private final RequestDrafts drafts;
    private final Admission admission;
    private final RequestClosing closing;

    Approvals(RemediationEngine engine, RequestDrafts drafts, Admission admission, RequestClosing closing) {
        this.e = engine;
        this.drafts = drafts;
        this.admission = admission;
        this.closing = closing;
    }

    Outcome approve(String id, String approver, String comment) {
        var found = e.store.remediation().get(id);
        if (found.isEmpty()) {
            return Outcome.notFound(id);
        }
        RemediationRow r = found.get();
        long now = e.clock.millis();
        if (!"pending_approval".equals(r.status())) {
            return Outcome.conflict(id, r.status(), "request " + id + " is " + r.status() + ", not waiting for approval");
        }
        if (approver.equals(r.requestedBy())) {
            closing.auditOnly(r, "approval_refused", approver, Map.of("reason", "requester cannot approve own request"));
            return Outcome.forbidden(id, r.status(), approver + " requested this and cannot approve it");
        }
        if (r.expiresAt() != null && now >= r.expiresAt()) {
            closing.finish(r, "expired", "expiry", "opsdeck", Map.of("reason", "approval window ran out"));
            return Outcome.conflict(id, "done", "request " + id + " expired");
        }
        RemediationPlan plan = e.plans.get(r.plan());
        Map<String, String> labels = RequestViews.parse(r.labels(), RemediationEngine.LABELS);
        RiskAssessment risk = riskNow(r, plan, labels, now);
        if (!risk.level().id().equals(r.risk())) {
            return voidApprovals(r, risk, now);
        }
        record Claim(List<RemediationDao.Approval> approvals, String problem) {
        }
        // status check, approval and (with the last approval needed) the move to queued in one write transaction:
        // approvers arriving at the same moment cannot both see the request pending and both run it
        Claim claim = e.store.writeAndWait(c -> {
            RemediationRow cur = e.store.remediation().get(c, id).orElse(r);
            if (!"pending_approval".equals(cur.status())) {
                return new Claim(null, "request " + id + " is " + cur.status() + ", not waiting for approval");
            }
            if (!e.store.remediation().approve(c, new RemediationDao.Approval(id, approver, comment, now))) {
                return new Claim(null, approver + " approved already; a second approval must come from someone else");
            }
            e.audit.append(c, now, "approval", approver, cur, Map.of("comment", comment == null ? "" : comment));
            List<RemediationDao.Approval> all = e.store.remediation().approvals(c, id);
            if (all.size() >= cur.approvalsNeeded()) {
                e.store.remediation().update(c, cur.withStatus("queued", null, now));
            }
            return new Claim(all, null);
        });
        if (claim.problem() != null) {
            return Outcome.conflict(id, e.store.remediation().get(id).map(RemediationRow::status).orElse(r.status()), claim.problem());
        }
        List<RemediationDao.Approval> approvals = claim.approvals();
        if (approvals.size() < r.approvalsNeeded()) {
            return Outcome.ok(id, r.status(), approvals.size() + " of " + r.approvalsNeeded() + " approvals");
        }
        return run(r, plan, labels, risk, approvals, now);
    }

    /** The request's risk assessed again now (failures, incidents and freezes may have changed since). */
    private RiskAssessment riskNow(RemediationRow r, RemediationPlan plan, Map<String, String> labels, long now) {
        int group = RequestViews.groupTargets(r);
        int fails = drafts.failuresToday(plan.name(), now);
        int criticals = drafts.firingCriticals();
        int others = Math.max(0, criticals - ("critical".equals(labels.get("severity")) ? 1 : 0));
        return e.risk.assess(plan, labels, new RiskAssessor.Context(group, e.fleetSize(group), fails, others,
                Instant.ofEpochMilli(now)));
    }

    /** The risk changed: earlier approvals are void and the approval window starts again (critical: admin only). */
    private Outcome voidApprovals(RemediationRow r, RiskAssessment risk, long now) {
        int needed = Policy.approvalsNeeded(risk.level());
        RemediationRow changed = r.withRisk(risk.level().id(), Audit.json(risk.reasons()), needed,
                now + e.settings.limits().approvalTtl().toMillis(), now);
        RemediationRow next = risk.level() == RiskLevel.CRITICAL ? changed.withStatus("manual_only", null, now) : changed;
        e.store.writeAndWait(c -> {
            e.store.remediation().clearApprovals(c, r.id());
            e.store.remediation().update(c, next);
            e.audit.append(c, now, "approvals_voided", "opsdeck", next, Map.of("from", r.risk(), "to", risk.level().id(),
                    "reasons", risk.reasons()));
            return null;
        });
        return Outcome.conflict(r.id(), next.status(), "risk changed from " + r.risk() + " to " + risk.level().id()
                + "; earlier approvals are void" + (next.status().equals("manual_only") ? "; only an admin can run it now" : ", approve again"));
    }

    /** Fully approved: the safety checks, then the run. */
    private Outcome run(RemediationRow r, RemediationPlan plan, Map<String, String> labels, RiskAssessment risk,
            List<RemediationDao.Approval> approvals, long now) {
        Params ps = RequestDrafts.params(plan, labels);
        Draft d = new Draft(r, plan, ps, e.renderer.render(plan.action(), ps.values()), risk);
        String blocked = admission.blockedReason(d, false, now);
        if (blocked != null) {
            closing.finish(r, "blocked", "blocked", "opsdeck", Map.of("reason", blocked));
            return Outcome.conflict(r.id(), "done", blocked);
        }
        RemediationRow q = r.withStatus("queued", null, now);
        e.store.writeAndWait(c -> {
            e.store.remediation().update(c, q);
            e.audit.append(c, now, "admitted", "opsdeck", q, Map.of("automatic", false, "approvers",
                    approvals.stream().map(RemediationDao.Approval::approver).toList(), "dry_run", e.toggles.dryRun()));
            return null;
        });
        e.executions.submit(new Executions.Job(q, plan, ps.values(), d.action(), e.toggles.dryRun()));
        return Outcome.ok(r.id(), "queued", "approved; running");
    }

    Outcome reject(String id, String actor, String comment) {
        var r = e.store.remediation().get(id);
        if (r.isEmpty()) {
            return Outcome.notFound(id);
        }
        if (!UNDECIDED.contains(r.get().status())) {
            return Outcome.conflict(id, r.get().status(), "request " + id + " is " + r.get().status());
        }
        closing.finish(r.get(), "rejected", "rejection", actor, Map.of("comment", comment == null ? "" : comment));
        return Outcome.ok(id, "done", "rejected");
    }

    Outcome cancel(String id, String actor) {
        var r = e.store.remediation().get(id);
        if (r.isEmpty()) {
            return Outcome.notFound(id);
        }
        String s = r.get().status();
        if (UNDECIDED.contains(s)) {
            closing.finish(r.get(), "cancelled", "cancel", actor, Map.of());
            return Outcome.ok(id, "done", "cancelled");
        }
        if (IN_FLIGHT.contains(s)) {
            closing.auditOnly(r.get(), "cancel", actor, Map.of("status", s));
            e.executions.cancel(id);
            return Outcome.ok(id, s, "cancellation requested");
        }
        return Outcome.conflict(id, s, "request " + id + " is " + s);
    }
}
