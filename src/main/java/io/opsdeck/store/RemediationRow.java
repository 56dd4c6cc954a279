package io.opsdeck.store;

/**
 * One remediation request as stored: the plan, the target, the alert episode (fingerprint + startsAt), the risk
 * assessment (reasons as a JSON array), the exact rendered action (JSON) and what became of it.
 */
public record RemediationRow(String id, String plan, String target, String fingerprint, long startsAt, String alertname,
        String labels, String status, String risk, String reasons, int approvalsNeeded, String requestedBy, String rendered,
        String dryRunOutput, String output, String result, long createdAt, long updatedAt, Long expiresAt, Long startedAt,
        Long finishedAt) {

    public RemediationRow withStatus(String newStatus, String newResult, long now) {
        return new RemediationRow(id, plan, target, fingerprint, startsAt, alertname, labels, newStatus, risk, reasons,
                approvalsNeeded, requestedBy, rendered, dryRunOutput, output, newResult, createdAt, now, expiresAt, startedAt,
                finishedAt);
    }

    public RemediationRow withRisk(String newRisk, String newReasons, int needed, Long newExpiry, long now) {
        return new RemediationRow(id, plan, target, fingerprint, startsAt, alertname, labels, status, newRisk, newReasons,
                needed, requestedBy, rendered, dryRunOutput, output, result, createdAt, now, newExpiry, startedAt, finishedAt);
    }

    public RemediationRow withOutput(String newDryRun, String newOutput, Long started, Long finished, long now) {
        return new RemediationRow(id, plan, target, fingerprint, startsAt, alertname, labels, status, risk, reasons,
                approvalsNeeded, requestedBy, rendered, newDryRun, newOutput, result, createdAt, now, expiresAt, started, finished);
    }
}
