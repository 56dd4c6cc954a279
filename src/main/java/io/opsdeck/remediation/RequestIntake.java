package io.opsdeck.remediation;

import io.opsdeck.notify.Alert;
import io.opsdeck.notify.Severity;
import io.opsdeck.remediation.RequestDrafts.Draft;
import io.opsdeck.remediation.RequestDrafts.Params;
import io.opsdeck.store.RemediationRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** New requests, from firing alerts or triggered by hand: drafted, stored once per episode, then admitted. */
final class RequestIntake {

    private final RemediationEngine e;
    private final RequestDrafts drafts;
    private final Admission admission;

    RequestIntake(RemediationEngine engine, RequestDrafts drafts, Admission admission) {
        this.e = engine;
        this.drafts = drafts;
        this.admission = admission;
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
                    Params ps = RequestDrafts.params(p, a.labels());
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
        int criticals = drafts.firingCriticals();
        Map<String, Integer> failures = new HashMap<>();
        List<Draft> out = new ArrayList<>();
        for (Match m : matches) {
            int others = Math.max(0, criticals - (m.alert().severity() == Severity.CRITICAL ? 1 : 0));
            int fails = failures.computeIfAbsent(m.plan().name(), n -> drafts.failuresToday(n, now));
            int group = groupTargets.getOrDefault(m.plan().name(), Set.of()).size();
            out.add(drafts.draft(m.plan(), m.alert().fingerprint(), m.alert().startsAt() == null ? 0 : m.alert().startsAt().toEpochMilli(),
                    m.alert().labels(), m.params(), RemediationEngine.SYSTEM,
                    new RiskAssessor.Context(group, fleet, fails, others, Instant.ofEpochMilli(now)), now));
        }
        return store(out, false, false, now);
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
        Params ps = RequestDrafts.params(plan, labels);
        int fails = drafts.failuresToday(planName, now);
        int criticals = drafts.firingCriticals();
        Draft d = drafts.draft(plan, fingerprint == null ? "manual" : fingerprint, now, labels, ps, actor,
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

    /** Inserts (one per plan, target and alert episode), then applies policy and limits; returns how many were new. */
    private int store(List<Draft> all, boolean manual, boolean admin, long now) {
        List<Draft> fresh = e.store.writeAndWait(c -> {
            List<Draft> out = new ArrayList<>();
            for (Draft d : all) {
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
                if (d.rejected()) {
                    e.audit.append(c, now, "rejection", "opsdeck", d.row(), Map.of("reason", d.risk().reasons().get(0)));
                } else {
                    e.audit.append(c, now, "assessment", "opsdeck", d.row(), Map.of("level", d.risk().level().id(),
                            "reasons", d.risk().reasons()));
                }
            }
            return out;
        });
        List<Admission.Step> steps = new ArrayList<>();
        for (Draft d : fresh) {
            if (d.rejected()) {
                e.metrics.result(d.plan().name(), "rejected");
                e.metrics.failure(d.plan().name(), "invalid_input");
            } else {
                steps.add(admission.decide(d, manual, admin, now));
            }
        }
        e.store.writeAndWait(c -> {
            for (Admission.Step s : steps) {
                e.store.remediation().update(c, s.row());
                e.audit.append(c, now, s.auditKind(), "opsdeck", s.row(), s.details());
            }
            return null;
        });
        steps.stream().map(Admission.Step::job).filter(Objects::nonNull).forEach(e.executions::submit);
        steps.stream().map(Admission.Step::preview).filter(Objects::nonNull).forEach(this::preview);
        return fresh.size();
    }

    /** Stores a dry run's output on a request waiting for approval, so approvers see what it would do. */
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
}
