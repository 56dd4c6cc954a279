package io.opsdeck.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Escalation chains: started for unacknowledged criticals, advanced by the escalator, stopped by ack or resolve. */
public final class EscalationDao {

    EscalationDao() {
    }

    /** Starts a chain at tier 0 unless one is already active for the alert; returns whether it started. */
    public boolean start(Connection c, String fingerprint, String policy, long nextAt, String payload, long now) throws SQLException {
        return Sql.update(c, "INSERT INTO escalations (fingerprint, policy, tier, next_at, status, payload, updated_at) "
                + "VALUES (?, ?, 0, ?, 'active', ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET policy = excluded.policy, "
                + "tier = 0, next_at = excluded.next_at, status = 'active', payload = excluded.payload, updated_at = excluded.updated_at "
                + "WHERE escalations.status <> 'active'", fingerprint, policy, nextAt, payload, now) == 1;
    }

    public List<Escalation> due(Connection c, long now) throws SQLException {
        return Sql.query(c, "SELECT fingerprint, policy, tier, next_at, status, payload FROM escalations "
                + "WHERE status = 'active' AND next_at <= ? ORDER BY next_at LIMIT 100", rs -> new Escalation(rs.getString(1),
                rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getString(6)), now);
    }

    public void advance(Connection c, String fingerprint, int tier, long nextAt, String status, long now) throws SQLException {
        Sql.update(c, "UPDATE escalations SET tier = ?, next_at = ?, status = ?, updated_at = ? WHERE fingerprint = ?",
                tier, nextAt, status, now, fingerprint);
    }

    /** Stops an active chain (acknowledged or resolved); returns whether one was active. */
    public boolean stop(Connection c, String fingerprint, String reason, long now) throws SQLException {
        return Sql.update(c, "UPDATE escalations SET status = ?, updated_at = ? WHERE fingerprint = ? AND status = 'active'",
                reason, now, fingerprint) == 1;
    }

    public List<Escalation> all(Connection c) throws SQLException {
        return Sql.query(c, "SELECT fingerprint, policy, tier, next_at, status, payload FROM escalations ORDER BY fingerprint",
                rs -> new Escalation(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getString(6)));
    }
}
