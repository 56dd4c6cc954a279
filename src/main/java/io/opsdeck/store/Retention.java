package io.opsdeck.store;

import java.sql.Connection;
import java.sql.SQLException;

/** What the retention job deletes: old intake events and history, finished notifications, stopped escalations. */
final class Retention {

    private Retention() {
    }

    /** Pending and in-flight work is never purged, however old. */
    static int purge(Connection c, long cutoffMillis) throws SQLException {
        int n = 0;
        n += Sql.update(c, "DELETE FROM intake_events WHERE received_at < ?", cutoffMillis);
        n += Sql.update(c, "DELETE FROM alert_history WHERE at < ?", cutoffMillis);
        n += Sql.update(c, "DELETE FROM outbox WHERE status IN ('delivered', 'dead', 'suppressed') AND updated_at < ?", cutoffMillis);
        n += Sql.update(c, "DELETE FROM escalations WHERE status <> 'active' AND updated_at < ?", cutoffMillis);
        return n;
    }
}
