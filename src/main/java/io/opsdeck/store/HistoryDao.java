package io.opsdeck.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Intake de-duplication, alert history, the current state per alert and the poller's memory. */
public final class HistoryDao {

    private final Store store;

    HistoryDao(Store store) {
        this.store = store;
    }

    /** Records an intake event; false when the same event was seen before (redelivery, HA peer). */
    public boolean recordIntake(Connection c, String dedupKey, String source, long now) throws SQLException {
        return Sql.update(c, "INSERT INTO intake_events (dedup_key, source, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                dedupKey, source, now) == 1;
    }

    public void append(Connection c, String fingerprint, String state, long at, String actor, String details) throws SQLException {
        Sql.update(c, "INSERT INTO alert_history (seq, fingerprint, state, at, actor, details) VALUES (?, ?, ?, ?, ?, ?)",
                store.nextSeq(c), fingerprint, state, at, actor, details);
    }

    public List<HistoryEntry> history(String fingerprint) {
        return store.read(c -> history(c, fingerprint));
    }

    public List<HistoryEntry> history(Connection c, String fingerprint) throws SQLException {
        return (Sql.query(c, "SELECT seq, fingerprint, state, at, actor, details FROM alert_history "
                + "WHERE fingerprint = ? ORDER BY seq", rs -> new HistoryEntry(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6)), fingerprint));
    }

    /** State changes (all states) in the window, oldest first; used for flapping detection. */
    public int changesSince(Connection c, String fingerprint, long since) throws SQLException {
        return Sql.query(c, "SELECT COUNT(*) FROM alert_history WHERE fingerprint = ? AND at >= ? AND state IN ('firing', 'resolved')",
                rs -> rs.getInt(1), fingerprint, since).get(0);
    }

    public List<HistoryEntry> resolvedSince(long since) {
        return store.read(c -> Sql.query(c, "SELECT seq, fingerprint, state, at, actor, details FROM alert_history "
                + "WHERE state = 'resolved' AND at >= ? ORDER BY seq", rs -> new HistoryEntry(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6)), since));
    }

    /**
     * The latest resolution of each alert resolved at or after {@code since} and not firing again, newest first,
     * with the alert's name, labels and when it started firing.
     */
    public List<ResolvedEntry> resolvedDetails(long since, int limit) {
        return store.read(c -> Sql.query(c, "SELECT h.seq, h.fingerprint, h.at, h.actor, s.alertname, s.severity, s.labels, s.alertmanager, "
                        + "(SELECT MAX(f.at) FROM alert_history f WHERE f.fingerprint = h.fingerprint AND f.state = 'firing' "
                        + "AND f.seq < h.seq) AS firing_since FROM alert_history h LEFT JOIN alert_state s ON s.fingerprint = h.fingerprint "
                        + "WHERE h.state = 'resolved' AND h.at >= ? AND (s.state IS NULL OR s.state = 'resolved') AND h.seq = (SELECT MAX(l.seq) FROM alert_history l "
                        + "WHERE l.fingerprint = h.fingerprint AND l.state = 'resolved') ORDER BY h.seq DESC LIMIT ?",
                rs -> new ResolvedEntry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), Sql.nullableLong(rs, "firing_since"), rs.getString(8)),
                since, Math.max(1, Math.min(limit, 10_000))));
    }

    public Optional<AlertState> state(Connection c, String fingerprint) throws SQLException {
        return Sql.query(c, "SELECT fingerprint, state, alertname, severity, labels, changed_at, last_notified_at, alertmanager "
                + "FROM alert_state WHERE fingerprint = ?", rs -> new AlertState(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getLong(6), Sql.nullableLong(rs, "last_notified_at"), rs.getString(8)),
                fingerprint)
                .stream().findFirst();
    }

    public Optional<AlertState> state(String fingerprint) {
        return store.read(c -> state(c, fingerprint));
    }

    public void putState(Connection c, AlertState s) throws SQLException {
        Sql.update(c, "INSERT INTO alert_state (fingerprint, state, alertname, severity, labels, changed_at, last_notified_at, "
                        + "alertmanager) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET state = excluded.state, "
                        + "alertname = excluded.alertname, severity = excluded.severity, labels = excluded.labels, "
                        + "changed_at = excluded.changed_at, last_notified_at = excluded.last_notified_at, "
                        + "alertmanager = excluded.alertmanager",
                s.fingerprint(), s.state(), s.alertname(), s.severity(), s.labels(), s.changedAt(), s.lastNotifiedAt(),
                s.alertmanager());
    }

    /** The alerts a poller saw last time at {@code source}: fingerprint to alert JSON. */
    public Map<String, String> pollKnown(String source) {
        return store.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            Sql.query(c, "SELECT fingerprint, payload FROM poll_state WHERE source = ?",
                    rs -> out.put(rs.getString(1), rs.getString(2)), source);
            return out;
        });
    }

    public void pollPut(Connection c, String source, String fingerprint, String payload, long now) throws SQLException {
        Sql.update(c, "INSERT INTO poll_state (source, fingerprint, payload, seen_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (source, fingerprint) DO UPDATE SET payload = excluded.payload, seen_at = excluded.seen_at",
                source, fingerprint, payload, now);
    }

    public void pollRemove(Connection c, String source, String fingerprint) throws SQLException {
        Sql.update(c, "DELETE FROM poll_state WHERE source = ? AND fingerprint = ?", source, fingerprint);
    }
}
