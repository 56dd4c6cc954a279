package io.opsdeck.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * PostgreSQL, for teams that run several agents on one database. Commits are durable with the server's defaults
 * ({@code synchronous_commit=on}); sequence numbers come from the sequence {@code opsdeck_seq}; claims use
 * {@code FOR UPDATE SKIP LOCKED} so two agents never claim the same outbox row; the audit chain's head row is
 * locked while a record is appended; migrations run under an advisory lock so agents starting together take turns.
 *
 * <pre>{@code
 * Store store = Store.open(new PostgresDialect("jdbc:postgresql://127.0.0.1:5432/opsdeck", "opsdeck", password));
 * }</pre>
 */
public final class PostgresDialect implements Dialect {

    /** Advisory lock key held while migrating ("opsdeck" in ASCII). */
    private static final long MIGRATION_LOCK = 0x6f70736465636bL;

    private final String url;
    private final String user;
    private final String password;

    /** {@code password} may be null (trust or peer authentication); it never appears in {@link #toString()}. */
    public PostgresDialect(String url, String user, String password) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL store URL starts with jdbc:postgresql://, not '" + redact(url) + "'");
        }
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public String jdbcUrl() {
        return url;
    }

    @Override
    public Properties connectionProperties() {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "opsdeck-agent");
        p.setProperty("connectTimeout", "10");
        return p;
    }

    @Override
    public void configure(Connection connection, boolean writer) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // the store's durability promise: a commit returns once it is flushed (the server default, made explicit)
            s.execute("SET synchronous_commit = on");
        }
    }

    @Override
    public void beforeMigrations(Connection writer) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
        }
    }

    @Override
    public void afterMigrations(Connection writer) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("CREATE SEQUENCE IF NOT EXISTS opsdeck_seq");
            // rows copied in from elsewhere keep their order: the sequence starts after them
            s.execute("SELECT setval('opsdeck_seq', GREATEST((SELECT COALESCE(MAX(seq), 0) FROM outbox), "
                    + "(SELECT COALESCE(MAX(seq), 0) FROM alert_history), (SELECT last_value FROM opsdeck_seq), 1))");
            s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public long nextSeq(Connection writer) throws SQLException {
        return Sql.query(writer, "SELECT nextval('opsdeck_seq')", rs -> rs.getLong(1)).get(0);
    }

    @Override
    public String skipLocked() {
        return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public String forUpdate() {
        return " FOR UPDATE";
    }

    @Override
    public String toString() {
        return "PostgreSQL " + redact(url);
    }

    /** The URL without its query string, which may carry a password. */
    private static String redact(String url) {
        if (url == null) {
            return "(none)";
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }
}
