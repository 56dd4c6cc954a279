package io.opsdeck.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.opsdeck.notify.Alert;
import io.opsdeck.notify.Severity;
import io.opsdeck.store.RemediationDao;
import io.opsdeck.store.RemediationRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creating requests from alerts or by hand, approvals, rejection, cancellation, expiry and the API's views. */
final class Requests {

    /** A plan's parameters for an alert: the values, or the first problem. */
    record Params(Map<String, String> values, String problem, String target) {
    }

    /** A request before it is stored, with what will happen to it. */
    private record Draft(RemediationRow row, RemediationPlan plan, Params params, RenderedAction action, RiskAssessment risk) {
    }

    private final RemediationEngine e;

    Requests(RemediationEngine engine) {
        this.e = engine;
    }

    static Params params(RemediationPlan plan, Map<String, String> labels) {
        Map<String, String> values = new LinkedHashMap<>();
        for (var p : plan.params().entrySet()) {
            String v = labels.get(p.getValue().label());
            String problem = p.getValue().problem(v);
            if (problem != null) {
                String raw = labels.getOrDefault(plan.params().get(plan.target()).label(), "");
                return new Params(Map.of(), "parameter " + p.getKey() + " (label " + p.getValue().label() + "): " + problem,
                        ParamRule.quote(raw));
            }
            values.put(p.getKey(), v);
        }
        return new Params(values, null, values.get(plan.target()));
    }

    int fromAlerts(List<Alert> firing) {
        long now = e.clock.millis();
        record Match(Alert alert, RemediationPlan plan, Params params) {
        }
        List<Match> matches = new ArrayList<>();
        Map<String, Set<String>> groupTargets = new HashMap<>();
        Set<String> affected = new HashSet<>();
        for (Alert a : firing) {
            for (RemediationPlan p : e.plans.values()) {
                if (p.matches(a.labels())) {
                    Params ps = params(p, a.labels());
                    matches.add(new Match(a, p, ps));
                    if (ps.problem() == null) {
                        groupTargets.computeIfAbsent(p.name(), k -> new HashSet<>()).add(ps.target());
                        affected.add(ps.target());
                    }
                }
            }
        }
        if (matches.isEmpty()) {
            return 0;
        }
        e.guard.noteAffected(affected, now);
        int fleet = e.fleetSize(affected.size());
        int criticals = e.store.read(c -> e.store.remediation().firingCriticals(c));
        Map<String, Integer> failures = new HashMap<>();
        List<Draft> drafts = new ArrayList<>();
        for (Match m : matches) {
            int others = Math.max(0, criticals - (m.alert().severity() == Severity.CRITICAL ? 1 : 0));
            int fails = failures.computeIfAbsent(m.plan().name(), n -> e.store.read(c -> e.store.remediation()
                    .failuresSince(c, n, now - 86_400_000L)));
            int group = groupTargets.getOrDefault(m.plan().name(), Set.of()).size();
            drafts.add(draft(m.plan(), m.alert().fingerprint(), m.alert().startsAt() == null ? 0 : m.alert().startsAt().toEpochMilli(),
                    m.alert().labels(), m.params(), RemediationEngine.SYSTEM,
                    new RiskAssessor.Context(group, fleet, fails, others, Instant.ofEpochMilli(now)), now));
        }
        return store(drafts, false, false, now);
    }

    private Draft draft(RemediationPlan plan, String fingerprint, long startsAt, Map<String, String> labels, Params ps,
            String requester, RiskAssessor.Context ctx, long now) {
        RenderedAction action = null;
        String problem = ps.problem();
        if (problem == null) {
            try {
                action = e.renderer.render(plan.action(), ps.values());
                problem = e.guard.targetProblem(ps.target());
            } catch (IllegalArgumentException ex) {
                problem = ex.getMessage();
            }
        }
        RiskAssessment risk = problem == null ? e.risk.assess(plan, labels, ctx) : new RiskAssessment(plan.baseRisk(), List.of(problem));
        Map<String, Object> rendered = new LinkedHashMap<>();
        rendered.put("action", action);
        rendered.put("group_targets", ctx.groupTargets());
        RemediationRow row = new RemediationRow(RemediationEngine.newId(), plan.name(), ps.target(), fingerprint, startsAt,
                labels.get("alertname"), Audit.json(labels), problem == null ? "new" : "rejected", risk.level().id(),
                Audit.json(risk.reasons()), 0, requester, Audit.json(rendered), null, null, problem == null ? null : "rejected",
                now, now, null, null, problem == null ? null : now);
        return new Draft(row, plan, ps, action, risk);
    }

    /** Inserts (one per plan, target and alert episode), then applies policy and limits; returns how many were new. */
    private int store(List<Draft> drafts, boolean manual, boolean admin, long now) {
        List<Draft> fresh = e.store.writeAndWait(c -> {
            List<Draft> out = new ArrayList<>();
            for (Draft d : drafts) {
                if (!e.store.remediation().insert(c, d.row())) {
                    continue;
                }
                out.add(d);
                Map<String, Object> req = new LinkedHashMap<>();
                req.put("alert", d.row().alertname());
                req.put("fingerprint", d.row().fingerprint());
                req.put("starts_at", d.row().startsAt());
                req.put("manual", manual);
                req.put("action", d.action() == null ? null : d.action().describe());
                e.audit.append(c, now, "request", d.row().requestedBy(), d.row(), req);
                if ("rejected".equals(d.row().status())) {
                    e.audit.append(c, now, "rejection", "opsdeck", d.row(), Map.of("reason", d.risk().reasons().get(0)));
                } else {
                    e.audit.append(c, now, "assessment", "opsdeck", d.row(), Map.of("level", d.risk().level().id(),
                            "reasons", d.risk().reasons()));
                }
            }
            return out;
        });
        List<Executions.Job> jobs = new ArrayList<>();
        List<Draft> previews = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Draft d : fresh) {
            if ("rejected".equals(d.row().status())) {
                e.metrics.result(d.plan().name(), "rejected");
                e.metrics.failure(d.plan().name(), "invalid_input");
                continue;
            }
            RemediationRow r = d.row();
            Policy.Decision decision = Policy.decide(d.risk().level(), e.toggles.auto(), d.plan().auto());
            if (decision == Policy.Decision.MANUAL_ONLY && !(manual && admin)) {
                updates.add(new Object[] {r.withStatus("manual_only", null, now), "blocked", Map.of("reason",
                        "critical risk: only an admin can run this, by hand")});
                e.metrics.result(r.plan(), "manual_only");
            } else if (decision == Policy.Decision.APPROVAL && !(manual && d.risk().level() == RiskLevel.LOW)) {
                int needed = Policy.approvalsNeeded(d.risk().level());
                long expires = now + e.settings.limits().approvalTtl().toMillis();
                updates.add(new Object[] {r.withRisk(r.risk(), r.reasons(), needed, expires, now).withStatus("pending_approval", null, now),
                        "awaiting_approval", Map.of("approvals_needed", needed, "expires_at", expires)});
                previews.add(d);
            } else {
                String blocked = admission(d, !manual, now);
                if (blocked != null) {
                    updates.add(new Object[] {r.withStatus("done", "blocked", now), "blocked", Map.of("reason", blocked)});
                    e.metrics.result(r.plan(), "blocked");
                } else {
                    RemediationRow q = r.withStatus("queued", null, now);
                    updates.add(new Object[] {q, "admitted", Map.of("automatic", !manual, "dry_run", e.toggles.dryRun())});
                    jobs.add(new Executions.Job(q, d.plan(), d.params().values(), d.action(), e.toggles.dryRun()));
                }
            }
        }
        e.store.writeAndWait(c -> {
            for (Object[] u : updates) {
                RemediationRow r = (RemediationRow) u[0];
                e.store.remediation().update(c, r);
                @SuppressWarnings("unchecked")
                Map<String, Object> details = (Map<String, Object>) u[2];
                e.audit.append(c, now, (String) u[1], "opsdeck", r, details);
            }
            return null;
        });
        jobs.forEach(e.executions::submit);
        previews.forEach(this::preview);
        return fresh.size();
    }

    /** Plan enabled, (automatic only) loop protection, then the rate limits, cooldown and (automatic only) the fleet brake. */
    private String admission(Draft d, boolean automatic, long now) {
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

    private void preview(Draft d) {
        Thread.ofVirtual().name("opsdeck-remediation-preview").start(() -> {
            String out = e.executions.preview(d.plan(), d.params().values(), d.action());
            e.store.writeAndWait(c -> {
                var current = e.store.remediation().get(c, d.row().id());
                if (current.isPresent()) {
                    RemediationRow r = current.get();
                    e.store.remediation().update(c, r.withOutput(out, r.output(), r.startedAt(), r.finishedAt(), r.updatedAt()));
                }
                return null;
            });
        });
    }

    Outcome trigger(String planName, String fingerprint, Map<String, String> labels, String actor, boolean admin, String comment) {
        RemediationPlan plan = e.plans.get(planName);
        if (plan == null) {
            return new Outcome("not_found", null, null, "no plan " + planName + "; plans: " + e.plans.keySet());
        }
        if (!plan.matches(labels)) {
            return Outcome.conflict(null, null, "plan " + planName + " does not match the alert's labels");
        }
        long now = e.clock.millis();
        Params ps = params(plan, labels);
        int fails = e.store.read(c -> e.store.remediation().failuresSince(c, planName, now - 86_400_000L));
        int criticals = e.store.read(c -> e.store.remediation().firingCriticals(c));
        Draft d = draft(plan, fingerprint == null ? "manual" : fingerprint, now, labels, ps, actor,
                new RiskAssessor.Context(1, e.fleetSize(1), fails, criticals, Instant.ofEpochMilli(now)), now);
        if (d.risk().level() == RiskLevel.CRITICAL && !admin && d.row().status().equals("new")) {
            return Outcome.forbidden(null, null, "critical risk: only an admin may trigger plan " + planName + " (" +
                    String.join("; ", d.risk().reasons()) + ")");
        }
        store(List.of(d), true, admin, now);
        RemediationRow r = e.store.remediation().get(d.row().id()).orElseThrow();
        return "rejected".equals(r.status()) ? Outcome.conflict(r.id(), r.status(), d.risk().reasons().get(0))
                : Outcome.ok(r.id(), r.status(), comment == null ? "triggered" : comment);
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
            auditOnly(r, "approval_refused", approver, Map.of("reason", "requester cannot approve own request"));
            return Outcome.forbidden(id, r.status(), approver + " requested this and cannot approve it");
        }
        if (r.expiresAt() != null && now >= r.expiresAt()) {
            finish(r, "expired", "expiry", "opsdeck", Map.of("reason", "approval window ran out"));
            return Outcome.conflict(id, "done", "request " + id + " expired");
        }
        RemediationPlan plan = e.plans.get(r.plan());
        Map<String, String> labels = parse(r.labels(), RemediationEngine.LABELS);
        Params ps = params(plan, labels);
        int group = groupTargets(r);
        int fails = e.store.read(c -> e.store.remediation().failuresSince(c, plan.name(), now - 86_400_000L));
        int criticals = e.store.read(c -> e.store.remediation().firingCriticals(c));
        int others = Math.max(0, criticals - ("critical".equals(labels.get("severity")) ? 1 : 0));
        RiskAssessment risk = e.risk.assess(plan, labels, new RiskAssessor.Context(group, e.fleetSize(group), fails, others,
                Instant.ofEpochMilli(now)));
        if (!risk.level().id().equals(r.risk())) {
            int needed = Policy.approvalsNeeded(risk.level());
            RemediationRow changed = r.withRisk(risk.level().id(), Audit.json(risk.reasons()), needed,
                    now + e.settings.limits().approvalTtl().toMillis(), now);
            RemediationRow next = risk.level() == RiskLevel.CRITICAL ? changed.withStatus("manual_only", null, now) : changed;
            e.store.writeAndWait(c -> {
                e.store.remediation().clearApprovals(c, id);
                e.store.remediation().update(c, next);
                e.audit.append(c, now, "approvals_voided", "opsdeck", next, Map.of("from", r.risk(), "to", risk.level().id(),
                        "reasons", risk.reasons()));
                return null;
            });
            return Outcome.conflict(id, next.status(), "risk changed from " + r.risk() + " to " + risk.level().id()
                    + "; earlier approvals are void" + (next.status().equals("manual_only") ? "; only an admin can run it now" : ", approve again"));
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
        Draft d = new Draft(r, plan, ps, e.renderer.render(plan.action(), ps.values()), risk);
        String blocked = admission(d, false, now);
        if (blocked != null) {
            finish(r, "blocked", "blocked", "opsdeck", Map.of("reason", blocked));
            return Outcome.conflict(id, "done", blocked);
        }
        RemediationRow q = r.withStatus("queued", null, now);
        e.store.writeAndWait(c -> {
            e.store.remediation().update(c, q);
            e.audit.append(c, now, "admitted", "opsdeck", q, Map.of("automatic", false, "approvers",
                    approvals.stream().map(RemediationDao.Approval::approver).toList(), "dry_run", e.toggles.dryRun()));
            return null;
        });
        e.executions.submit(new Executions.Job(q, plan, ps.values(), d.action(), e.toggles.dryRun()));
        return Outcome.ok(id, "queued", "approved; running");
    }

    Outcome reject(String id, String actor, String comment) {
        var r = e.store.remediation().get(id);
        if (r.isEmpty()) {
            return Outcome.notFound(id);
        }
        if (!List.of("pending_approval", "manual_only").contains(r.get().status())) {
            return Outcome.conflict(id, r.get().status(), "request " + id + " is " + r.get().status());
        }
        finish(r.get(), "rejected", "rejection", actor, Map.of("comment", comment == null ? "" : comment));
        return Outcome.ok(id, "done", "rejected");
    }

    Outcome cancel(String id, String actor) {
        var r = e.store.remediation().get(id);
        if (r.isEmpty()) {
            return Outcome.notFound(id);
        }
        String s = r.get().status();
        if (List.of("pending_approval", "manual_only").contains(s)) {
            finish(r.get(), "cancelled", "cancel", actor, Map.of());
            return Outcome.ok(id, "done", "cancelled");
        }
        if (List.of("queued", "running", "verifying").contains(s)) {
            auditOnly(r.get(), "cancel", actor, Map.of("status", s));
            e.executions.cancel(id);
            return Outcome.ok(id, s, "cancellation requested");
        }
        return Outcome.conflict(id, s, "request " + id + " is " + s);
    }

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

    void expire() {
        long now = e.clock.millis();
        for (RemediationRow r : e.store.remediation().search(List.of("pending_approval"), null, null, null, 10_000)) {
            if (r.expiresAt() != null && r.expiresAt() <= now) {
                finish(r, "expired", "expiry", "opsdeck", Map.of("reason", "approval window ran out"));
            }
        }
    }

    private void finish(RemediationRow r, String result, String kind, String actor, Map<String, ?> details) {
        long now = e.clock.millis();
        RemediationRow done = r.withStatus("done", result, now).withOutput(r.dryRunOutput(), r.output(), r.startedAt(), now, now);
        e.store.writeAndWait(c -> {
            e.store.remediation().update(c, done);
            e.audit.append(c, now, kind, actor, done, details);
            return null;
        });
        e.metrics.result(r.plan(), result);
    }

    private void auditOnly(RemediationRow r, String kind, String actor, Map<String, ?> details) {
        long now = e.clock.millis();
        e.store.writeAndWait(c -> {
            e.audit.append(c, now, kind, actor, r, details);
            return null;
        });
    }

    List<PlanOption> options(Map<String, String> labels) {
        long now = e.clock.millis();
        List<PlanOption> out = new ArrayList<>();
        for (RemediationPlan p : e.plans.values()) {
            if (!p.matches(labels)) {
                continue;
            }
            Params ps = params(p, labels);
            int fails = e.store.read(c -> e.store.remediation().failuresSince(c, p.name(), now - 86_400_000L));
            Draft d = draft(p, "preview", now, labels, ps, "preview", new RiskAssessor.Context(1, e.fleetSize(1), fails,
                    e.store.read(c -> e.store.remediation().firingCriticals(c)), Instant.ofEpochMilli(now)), now);
            String problem = "rejected".equals(d.row().status()) ? d.risk().reasons().get(0) : null;
            out.add(new PlanOption(p.name(), p.description(), d.risk(), problem != null ? "rejected"
                    : Policy.decide(d.risk().level(), e.toggles.auto(), p.auto()).name().toLowerCase(),
                    d.action() == null ? null : d.action().describe(), problem));
        }
        return out;
    }

    List<RemediationRequest> view(List<RemediationRow> rows) {
        long now = e.clock.millis();
        List<RemediationRequest> out = new ArrayList<>();
        for (RemediationRow r : rows) {
            Map<String, Object> rendered = parse(r.rendered(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
            Object action = rendered.get("action");
            String describe = action == null ? null : Audit.JSON.convertValue(action, RenderedAction.class).describe();
            List<String> approvers = e.store.remediation().approvals(r.id()).stream().map(RemediationDao.Approval::approver).toList();
            out.add(new RemediationRequest(r.id(), r.plan(), r.target(), r.fingerprint(), r.alertname(),
                    parse(r.labels(), RemediationEngine.LABELS), r.status(), r.result(),
                    new RiskAssessment(RiskLevel.of(r.risk()), parse(r.reasons(), RemediationEngine.REASONS)), r.approvalsNeeded(),
                    approvers, r.requestedBy(), describe, r.dryRunOutput(), r.output(), r.createdAt(), r.expiresAt(),
                    r.expiresAt() == null || !"pending_approval".equals(r.status()) ? null : Math.max(0, r.expiresAt() - now),
                    r.startedAt(), r.finishedAt()));
        }
        return out;
    }

    private static int groupTargets(RemediationRow r) {
        Map<String, Object> rendered = parse(r.rendered(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        return rendered.get("group_targets") instanceof Number n ? n.intValue() : 1;
    }

    static <T> T parse(String json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return Audit.JSON.readValue(json, type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored remediation JSON is unreadable: " + ex.getOriginalMessage(), ex);
        }
    }
}
