package io.opsdeck.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Outbox queries. Methods taking a {@link Connection} run inside a {@link Store#write} transaction. */
public final class OutboxDao {

    private static final String COLUMNS = "id, seq, idempotency_key, kind, fingerprint, alertname, severity, alert_status, "
            + "channel, channel_type, recipient, payload, rendered, status, attempts, next_attempt_at, last_error, "
            + "created_at, updated_at, delivered_at";

    private final Store store;

    OutboxDao(Store store) {
        this.store = store;
    }

    /** Inserts unless a row with the same id or idempotency key exists; returns whether it was new. */
    public boolean insert(Connection c, Notification n) throws SQLException {
        return Sql.update(c, "INSERT INTO outbox (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                        + "ON CONFLICT DO NOTHING",
                n.id(), store.nextSeq(c), n.idempotencyKey(), n.kind(), n.fingerprint(), n.alertname(), n.severity(),
                n.alertStatus(), n.channel(), n.channelType(), n.recipient(), n.payload(), n.rendered(), n.status(),
                n.attempts(), n.nextAttemptAt(), n.lastError(), n.createdAt(), n.updatedAt(), n.deliveredAt()) == 1;
    }

    /** Moves up to {@code limit} due pending rows to delivering and returns them. */
    public List<Notification> claimDue(Connection c, long now, int limit) throws SQLException {
        List<Notification> due = Sql.query(c, "SELECT " + COLUMNS + " FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? "
                + "ORDER BY next_attempt_at LIMIT ?" + store.dialect().skipLocked(), OutboxDao::map, now, limit);
        List<Notification> claimed = new ArrayList<>(due.size());
        List<String> ids = new ArrayList<>(due.size());
        for (Notification n : due) {
            ids.add(n.id());
            claimed.add(n.withStatus(Notification.DELIVERING));
        }
        // one statement for the batch: one row per statement was a fifth of the writer's statements at 2,000 alerts/s
        Sql.updateIn(c, "UPDATE outbox SET status = 'delivering', updated_at = ? WHERE id IN ", List.of(now), ids);
        return claimed;
    }

    public void markDelivered(Connection c, String id, int attempts, long now) throws SQLException {
        markDelivered(c, List.of(id), attempts, now);
    }

    /** Marks rows delivered that share the attempt count, in one statement per 128 rows. */
    public void markDelivered(Connection c, List<String> ids, int attempts, long now) throws SQLException {
        Sql.updateIn(c, "UPDATE outbox SET status = 'delivered', attempts = ?, last_error = NULL, updated_at = ?, delivered_at = ? "
                + "WHERE id IN ", List.of(attempts, now, now), ids);
    }

    public void markRetry(Connection c, String id, int attempts, long nextAttemptAt, String error, long now) throws SQLException {
        Sql.update(c, "UPDATE outbox SET status = 'pending', attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?",
                attempts, nextAttemptAt, error, now, id);
    }

    public void markDead(Connection c, String id, int attempts, String error, long now) throws SQLException {
        Sql.update(c, "UPDATE outbox SET status = 'dead', attempts = ?, last_error = ?, updated_at = ? WHERE id = ?",
                attempts, error, now, id);
    }

    /** The notifications sent for an alert on channels of one type (e.g. to follow a page with its acknowledgement). */
    public List<Notification> forAlert(Connection c, String fingerprint, String channelType) throws SQLException {
        return Sql.query(c, "SELECT " + COLUMNS + " FROM outbox WHERE fingerprint = ? AND channel_type = ? ORDER BY seq",
                OutboxDao::map, fingerprint, channelType);
    }

    /** Rows held for the digest, oldest first. */
    public List<Notification> held(Connection c) throws SQLException {
        return Sql.query(c, "SELECT " + COLUMNS + " FROM outbox WHERE status = 'held' ORDER BY seq LIMIT 5000", OutboxDao::map);
    }

    /** Marks a row as not sent on its own, with the reason (e.g. the digest that carried it). */
    public void markSuppressed(Connection c, String id, String reason, long now) throws SQLException {
        Sql.update(c, "UPDATE outbox SET status = 'suppressed', last_error = ?, updated_at = ? WHERE id = ?", reason, now, id);
    }

    /** Crash recovery: rows a previous process was delivering go back to pending. */
    public int requeueDelivering(Connection c, long now) throws SQLException {
        return Sql.update(c, "UPDATE outbox SET status = 'pending', next_attempt_at = ?, updated_at = ? WHERE status = 'delivering'", now, now);
    }

    /**
     * Rows claimed before {@code claimedBefore} and still in delivery go back to pending: on a database shared by
     * several agents, only claims of an agent that died (or hangs) are that old.
     */
    public int requeueStale(Connection c, long claimedBefore, long now) throws SQLException {
        return Sql.update(c, "UPDATE outbox SET status = 'pending', next_attempt_at = ?, updated_at = ? "
                + "WHERE status = 'delivering' AND updated_at < ?", now, now, claimedBefore);
    }

    public Optional<Notification> get(String id) {
        return store.read(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM outbox WHERE id = ?", OutboxDao::map, id))
                .stream().findFirst();
    }

    public List<Notification> search(NotificationQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM outbox WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.alert() != null) {
            sql.append(" AND (fingerprint = ? OR LOWER(alertname) LIKE ? ESCAPE '\\')");
            params.add(q.alert());
            params.add("%" + likeEscaped(q.alert().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        filter(sql, params, "channel", q.channel());
        filter(sql, params, "recipient", q.recipient());
        filter(sql, params, "status", q.status());
        if (q.since() != null) {
            sql.append(" AND created_at >= ?");
            params.add(q.since());
        }
        if (q.until() != null) {
            sql.append(" AND created_at < ?");
            params.add(q.until());
        }
        if (q.beforeSeq() != null) {
            sql.append(" AND seq < ?");
            params.add(q.beforeSeq());
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(Math.max(1, Math.min(q.limit(), 10_000)));
        return store.read(c -> Sql.query(c, sql.toString(), OutboxDao::map, params.toArray()));
    }

    /** Notifications for consoles (channel type desktop) after sequence number {@code afterSeq}. */
    public List<Notification> desktopAfter(long afterSeq, int limit) {
        return store.read(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM outbox WHERE channel_type = 'desktop' "
                + "AND status = 'delivered' AND seq > ? ORDER BY seq LIMIT ?", OutboxDao::map, afterSeq, limit));
    }

    /**
     * Desktop notifications delivered after {@code afterSeq}, in sequence order and never past one still pending or
     * delivering: a later row delivered first waits, so a reader resuming after the last sequence number it saw
     * misses nothing. One statement, so one snapshot.
     */
    public List<Notification> desktopStream(long afterSeq, int limit) {
        return store.read(c -> Sql.query(c, "SELECT " + COLUMNS + " FROM outbox WHERE channel_type = 'desktop' "
                + "AND status = 'delivered' AND seq > ? AND seq < COALESCE((SELECT MIN(seq) FROM outbox "
                + "WHERE channel_type = 'desktop' AND status IN ('pending', 'delivering')), 9223372036854775807) "
                + "ORDER BY seq LIMIT ?", OutboxDao::map, afterSeq, limit));
    }

    /** Where a new {@link #desktopStream} reader starts so it sees every desktop notification not yet streamed. */
    public long desktopStreamTail() {
        return store.read(c -> Sql.query(c, "SELECT COALESCE((SELECT MIN(seq) FROM outbox WHERE channel_type = 'desktop' "
                + "AND status IN ('pending', 'delivering')) - 1, (SELECT MAX(seq) FROM outbox WHERE channel_type = 'desktop'), 0)",
                rs -> rs.getLong(1))).get(0);
    }

    /** Rows waiting or being delivered. */
    public long depth() {
        return store.read(c -> Sql.query(c, "SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'delivering')",
                rs -> rs.getLong(1))).get(0);
    }

    public long count(String status) {
        return store.read(c -> Sql.query(c, "SELECT COUNT(*) FROM outbox WHERE status = ?", rs -> rs.getLong(1), status)).get(0);
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void filter(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    static Notification map(ResultSet rs) throws SQLException {
        return new Notification(rs.getString("id"), rs.getLong("seq"), rs.getString("idempotency_key"), rs.getString("kind"),
                rs.getString("fingerprint"), rs.getString("alertname"), rs.getString("severity"), rs.getString("alert_status"),
                rs.getString("channel"), rs.getString("channel_type"), rs.getString("recipient"), rs.getString("payload"),
                rs.getString("rendered"), rs.getString("status"), rs.getInt("attempts"), rs.getLong("next_attempt_at"),
                rs.getString("last_error"), rs.getLong("created_at"), rs.getLong("updated_at"),
                Sql.nullableLong(rs, "delivered_at"));
    }
}
