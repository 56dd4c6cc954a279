package io.opsdeck.remediation;

import io.opsdeck.store.RemediationRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a plan and an alert's labels into a request row: parameters checked, action rendered, risk assessed. */
final class RequestDrafts {

    private static final long DAY_MILLIS = 86_400_000L;

    /** A plan's parameters for an alert: the values, or the first problem. */
    record Params(Map<String, String> values, String problem, String target) {
    }

    /** A request before it is stored, with what will happen to it. */
    record Draft(RemediationRow row, RemediationPlan plan, Params params, RenderedAction action, RiskAssessment risk) {

        /** Refused before it was stored (bad parameter or target); {@code risk().reasons()} says why. */
        boolean rejected() {
            return "rejected".equals(row.status());
        }
    }

    private final RemediationEngine e;

    RequestDrafts(RemediationEngine engine) {
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

    Draft draft(RemediationPlan plan, String fingerprint, long startsAt, Map<String, String> labels, Params ps,
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

    /** Plans that apply to the labels, drafted but not stored, with their risk now and what they would need. */
    List<PlanOption> options(Map<String, String> labels) {
        long now = e.clock.millis();
        List<PlanOption> out = new ArrayList<>();
        for (RemediationPlan p : e.plans.values()) {
            if (!p.matches(labels)) {
                continue;
            }
            Params ps = params(p, labels);
            int fails = failuresToday(p.name(), now);
            Draft d = draft(p, "preview", now, labels, ps, "preview", new RiskAssessor.Context(1, e.fleetSize(1), fails,
                    firingCriticals(), Instant.ofEpochMilli(now)), now);
            String problem = d.rejected() ? d.risk().reasons().get(0) : null;
            out.add(new PlanOption(p.name(), p.description(), d.risk(), problem != null ? "rejected"
                    : Policy.decide(d.risk().level(), e.toggles.auto(), p.auto()).name().toLowerCase(),
                    d.action() == null ? null : d.action().describe(), problem));
        }
        return out;
    }

    /** Failed runs of {@code plan} in the 24 h before {@code now}: recent failures raise the risk. */
    int failuresToday(String plan, long now) {
        return e.store.read(c -> e.store.remediation().failuresSince(c, plan, now - DAY_MILLIS));
    }

    /** Critical alerts firing now: a busy incident raises the risk of touching anything. */
    int firingCriticals() {
        return e.store.read(c -> e.store.remediation().firingCriticals(c));
    }
}
