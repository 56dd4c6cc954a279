package io.opsdeck.remediation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Risk from the plan's base risk and its context: each of production, a wide blast radius, a change freeze, recent
 * failures of the plan and other critical incidents in progress raises the level by one, with a reason.
 */
final class RiskAssessor {

    /** What is known about the situation when a request is assessed. */
    record Context(int groupTargets, int fleetSize, int recentFailures, int otherCriticals, Instant at) {
    }

    private final RemediationSettings settings;

    RiskAssessor(RemediationSettings settings) {
        this.settings = settings;
    }

    RiskAssessment assess(RemediationPlan plan, Map<String, String> labels, Context ctx) {
        RiskLevel level = plan.baseRisk();
        List<String> reasons = new ArrayList<>();
        reasons.add("base risk of plan " + plan.name() + " is " + level.id());
        String env = labels.get("env");
        if (env != null && settings.prodEnvs().contains(env)) {
            level = level.raise();
            reasons.add("env=" + env + " is production: raised to " + level.id());
        }
        int fleet = Math.max(ctx.fleetSize(), 1);
        double share = (double) ctx.groupTargets() / fleet;
        if (ctx.groupTargets() >= settings.limits().blastTargets() || share >= settings.limits().blastShare()) {
            level = level.raise();
            reasons.add(String.format(java.util.Locale.ROOT, "blast radius: the alert group covers %d targets (%.0f%% of a fleet of %d): raised to %s",
                    ctx.groupTargets(), share * 100, fleet, level.id()));
        }
        for (RemediationSettings.Freeze f : settings.freezes()) {
            if (f.covers(ctx.at())) {
                level = level.raise();
                reasons.add("change freeze (" + f.reason() + ", " + f.from() + "-" + f.to() + " " + f.zone() + "): raised to " + level.id());
                break;
            }
        }
        if (ctx.recentFailures() > 0) {
            level = level.raise();
            reasons.add("plan failed " + ctx.recentFailures() + " time(s) in the last 24 h: raised to " + level.id());
        }
        if (ctx.otherCriticals() > 0) {
            level = level.raise();
            // the request outlives the moment: say when they were counted, or the reason reads wrong an hour later
            reasons.add(ctx.otherCriticals() + " other critical alert(s) firing at "
                    + ctx.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ": raised to " + level.id());
        }
        return new RiskAssessment(level, reasons);
    }
}
