package io.opsdeck.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.opsdeck.store.RemediationDao;
import io.opsdeck.store.RemediationRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Stored request rows as the API shows them, and the JSON columns read back. */
final class RequestViews {

    private static final TypeReference<Map<String, Object>> RENDERED = new TypeReference<>() { };

    private final RemediationEngine e;

    RequestViews(RemediationEngine engine) {
        this.e = engine;
    }

    List<RemediationRequest> view(List<RemediationRow> rows) {
        long now = e.clock.millis();
        List<RemediationRequest> out = new ArrayList<>();
        for (RemediationRow r : rows) {
            Object action = parse(r.rendered(), RENDERED).get("action");
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

    /** {@code r} with the live output of its running action. */
    static RemediationRequest withOutput(RemediationRequest r, String out) {
        return new RemediationRequest(r.id(), r.plan(), r.target(), r.fingerprint(), r.alertname(), r.labels(), r.status(), r.result(),
                r.risk(), r.approvalsNeeded(), r.approvedBy(), r.requestedBy(), r.action(), r.dryRunOutput(), out, r.createdAt(),
                r.expiresAt(), r.timeLeftMillis(), r.startedAt(), r.finishedAt());
    }

    /** How many targets the request's alert group covered when it was drafted (the blast radius). */
    static int groupTargets(RemediationRow r) {
        return parse(r.rendered(), RENDERED).get("group_targets") instanceof Number n ? n.intValue() : 1;
    }

    static <T> T parse(String json, TypeReference<T> type) {
        try {
            return Audit.JSON.readValue(json, type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored remediation JSON is unreadable: " + ex.getOriginalMessage(), ex);
        }
    }
}
