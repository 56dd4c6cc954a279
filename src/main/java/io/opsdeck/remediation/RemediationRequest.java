package io.opsdeck.remediation;

import java.util.List;
import java.util.Map;

/**
 * A remediation request as the API shows it: the alert's context, the risk with its reasons, the exact action that
 * will run, the dry-run output, approvals so far, time left to approve, and the outcome once it ran.
 */
public record RemediationRequest(String id, String plan, String target, String fingerprint, String alertname,
        Map<String, String> labels, String status, String result, RiskAssessment risk, int approvalsNeeded,
        List<String> approvedBy, String requestedBy, String action, String dryRunOutput, String output, long createdAt,
        Long expiresAt, Long timeLeftMillis, Long startedAt, Long finishedAt) {

    public RemediationRequest {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
    }
}
