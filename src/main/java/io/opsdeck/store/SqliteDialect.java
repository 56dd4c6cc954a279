package io.opsdeck.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite settings: WAL journal (readers never block the writer), {@code synchronous=FULL} so a commit
 * is on disk before the caller is told it succeeded (see docs/decisions/0001-agent-storage.md),
 * a busy timeout and foreign keys on.
 */
public final class SqliteDialect implements Dialect {

    private final Path file;

    public SqliteDialect(Path file) {
        this.file = file;
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    @Override
    public void configure(Connection connection, boolean writer) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA cache_size=-8000");
            s.execute("PRAGMA temp_store=MEMORY");
            if (writer) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
            }
        }
    }

    @Override
    public String toString() {
        return "SQLite " + file;
    }
}
