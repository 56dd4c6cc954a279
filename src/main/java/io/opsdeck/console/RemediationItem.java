package io.opsdeck.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One remediation request as the console shows it. Every text comes from the agent (and labels from alerts): it is
 * untrusted and only ever shown as plain text.
 *
 * @param id              the agent's request id
 * @param plan            the plan's name
 * @param target          the target (usually the instance), may be null
 * @param fingerprint     the alert's fingerprint, may be null
 * @param alertname       the alert's name, may be null
 * @param labels          the alert's labels: its context
 * @param status          pending_approval, queued, running, verifying, done, manual_only, ...
 * @param result          for finished requests: succeeded, failed, rejected, expired, cancelled, ...; else null
 * @param risk            the risk level and its reasons
 * @param approvalsNeeded how many approvals it needs in all
 * @param approvedBy      who approved so far
 * @param requestedBy     who asked (a person, or {@code alertmanager} for automatic requests)
 * @param action          the exact command or HTTP request that will run, as the agent renders it
 * @param dryRunOutput    what the dry run printed, may be null
 * @param output          the action's output so far (live while running), may be null
 * @param createdAt       when it was requested
 * @param expiresAt       when a pending approval runs out, on this console's clock; null when it does not
 * @param startedAt       when it started running, may be null
 * @param finishedAt      when it finished, may be null
 */
public record RemediationItem(String id, String plan, String target, String fingerprint, String alertname,
                              Map<String, String> labels, String status, String result, RemediationRisk risk,
                              int approvalsNeeded, List<String> approvedBy, String requestedBy, String action,
                              String dryRunOutput, String output, Instant createdAt, Instant expiresAt,
                              Instant startedAt, Instant finishedAt) {

    public RemediationItem {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
        risk = risk == null ? new RemediationRisk(RemediationRisk.Level.UNKNOWN, List.of()) : risk;
    }

    /** The request's words joined for the history's free-text filter (lower case). */
    public String searchText() {
        StringBuilder b = new StringBuilder();
        for (String s : new String[] {id, plan, target, alertname, status, result, requestedBy, action, output}) {
            if (s != null) {
                b.append(s).append('\n');
            }
        }
        approvedBy.forEach(a -> b.append(a).append('\n'));
        labels.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString().toLowerCase(java.util.Locale.ROOT);
    }
}
