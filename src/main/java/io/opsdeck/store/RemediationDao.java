package io.opsdeck.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Remediation requests, their approvals and the remediation toggles. */
public final class RemediationDao {

    private static final String COLUMNS = "id, plan, target, fingerprint, starts_at, alertname, labels, status, risk, reasons, "
            + "approvals_needed, requested_by, rendered, dry_run_output, output, result, created_at, updated_at, expires_at, "
            + "started_at, finished_at";

    /** An approval given to a request. */
    public record Approval(String requestId, String approver, String comment, long at) {
    }

    private final Store store;

    RemediationDao(Store store) {
        this.store = store;
    }

    /** Inserts a request; false when the same (plan, target, fingerprint, startsAt) exists already. */
    public boolean insert(Connection c, RemediationRow r) throws SQLException {
        return Sql.update(c, "INSERT INTO remediation_requests (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", r.id(), r.plan(), r.target(), r.fingerprint(), r.startsAt(),
                r.alertname(), r.labels(), r.status(), r.risk(), r.reasons(), r.approvalsNeeded(), r.requestedBy(), r.rendered(),
                r.dryRunOutput(), r.output(), r.result(), r.createdAt(), r.updatedAt(), r.expiresAt(), r.startedAt(),
                r.finishedAt()) == 1;
    }

    /** Saves the mutable fields of a request. */
    public void update(Connection c, RemediationRow r) throws SQLException {
        Sql.update(c, "UPDATE remediation_requests SET status = ?, risk = ?, reasons = ?, approvals_needed = ?, dry_run_output = ?, "
                + "output = ?, result = ?, updated_at = ?, expires_at = ?, started_at = ?, finished_at = ? WHERE id = ?",
                r.status(), r.risk(), r.reasons(), r.approvalsNeeded(), r.dryRunOutput(), r.output(), r.result(), r.updatedAt(),
                r.expiresAt(), r.startedAt(), r.finishedAt(), r.id());
    }

    public Optional<RemediationRow> get(Connection c, String id) throws SQLException {
        return Sql.query(c, "SELECT " + COLUMNS + " FROM remediation_requests WHERE id = ?", RemediationDao::row, id).stream().findFirst();
    }

    public Optional<RemediationRow> get(String id) {
        return store.read(c -> get(c, id));
    }

    /** Requests filtered by any of status, plan, target, result (null = any), newest first. */
    public List<RemediationRow> search(List<String> statuses, String plan, String target, String result, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM remediation_requests WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (statuses != null && !statuses.isEmpty()) {
            sql.append(" AND status IN (").append("?, ".repeat(statuses.size() - 1)).append("?)");
            args.addAll(statuses);
        }
        for (var f : new Object[][] {{"plan", plan}, {"target", target}, {"result", result}}) {
            if (f[1] != null) {
                sql.append(" AND ").append(f[0]).append(" = ?");
                args.add(f[1]);
            }
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ?");
        args.add(limit);
        return store.read(c -> Sql.query(c, sql.toString(), RemediationDao::row, args.toArray()));
    }

    /** Open requests (not finished) for one alert fingerprint. */
    public List<RemediationRow> openFor(Connection c, String fingerprint) throws SQLException {
        return Sql.query(c, "SELECT " + COLUMNS + " FROM remediation_requests WHERE fingerprint = ? AND status IN "
                + "('pending_approval', 'queued', 'running', 'verifying')", RemediationDao::row, fingerprint);
    }

    /** Failed executions of a plan since {@code since}. */
    public int failuresSince(Connection c, String plan, long since) throws SQLException {
        return Sql.query(c, "SELECT COUNT(*) FROM remediation_requests WHERE plan = ? AND finished_at >= ? AND result IN "
                + "('failed', 'verification_failed', 'rolled_back', 'rollback_failed', 'timeout')", rs -> rs.getInt(1), plan, since).get(0);
    }

    /** Results of the plan's most recent finished executions, newest first. */
    public List<String> recentResults(Connection c, String plan, int n) throws SQLException {
        return Sql.query(c, "SELECT result FROM remediation_requests WHERE plan = ? AND finished_at IS NOT NULL AND result IS NOT NULL "
                + "AND result <> 'dry_run' ORDER BY finished_at DESC LIMIT ?", rs -> rs.getString(1), plan, n);
    }

    /** Executions started on a target since {@code since} (loop protection). */
    public int startedOnTargetSince(Connection c, String target, long since) throws SQLException {
        return Sql.query(c, "SELECT COUNT(*) FROM remediation_requests WHERE target = ? AND started_at >= ?",
                rs -> rs.getInt(1), target, since).get(0);
    }

    /** Start times of executions since {@code since}: plan, target and when (re-seeds rate limits after a restart). */
    public List<String[]> startedSince(Connection c, long since) throws SQLException {
        return Sql.query(c, "SELECT plan, target, started_at FROM remediation_requests WHERE started_at >= ? ORDER BY started_at",
                rs -> new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getLong(3))}, since);
    }

    /** Alerts firing now with severity critical (other incidents in progress). */
    public int firingCriticals(Connection c) throws SQLException {
        return Sql.query(c, "SELECT COUNT(*) FROM alert_state WHERE state IN ('firing', 'acknowledged') AND severity = 'critical'",
                rs -> rs.getInt(1)).get(0);
    }

    /** Adds an approval; false when this approver approved the request already. */
    public boolean approve(Connection c, Approval a) throws SQLException {
        return Sql.update(c, "INSERT INTO remediation_approvals (request_id, approver, comment, at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", a.requestId(), a.approver(), a.comment(), a.at()) == 1;
    }

    public List<Approval> approvals(Connection c, String requestId) throws SQLException {
        return Sql.query(c, "SELECT request_id, approver, comment, at FROM remediation_approvals WHERE request_id = ? ORDER BY at",
                rs -> new Approval(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)), requestId);
    }

    public List<Approval> approvals(String requestId) {
        return store.read(c -> approvals(c, requestId));
    }

    /** Voids the approvals of a request (risk changed). */
    public int clearApprovals(Connection c, String requestId) throws SQLException {
        return Sql.update(c, "DELETE FROM remediation_approvals WHERE request_id = ?", requestId);
    }

    public void putToggle(Connection c, String name, String value, String actor, long now) throws SQLException {
        Sql.update(c, "INSERT INTO remediation_toggles (name, value, actor, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) "
                + "DO UPDATE SET value = excluded.value, actor = excluded.actor, updated_at = excluded.updated_at", name, value, actor, now);
    }

    public Map<String, String> toggles() {
        return store.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            Sql.query(c, "SELECT name, value FROM remediation_toggles ORDER BY name", rs -> out.put(rs.getString(1), rs.getString(2)));
            return out;
        });
    }

    private static RemediationRow row(ResultSet rs) throws SQLException {
        return new RemediationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getLong(17),
                rs.getLong(18), Sql.nullableLong(rs, "expires_at"), Sql.nullableLong(rs, "started_at"),
                Sql.nullableLong(rs, "finished_at"));
    }
}
