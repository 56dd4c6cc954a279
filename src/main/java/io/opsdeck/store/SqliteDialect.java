package io.opsdeck.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite settings: WAL journal (readers never block the writer), {@code synchronous=FULL} so a commit
 * is on disk before the caller is told it succeeded (see docs/decisions/0001-agent-storage.md),
 * a busy timeout and foreign keys on. The writer never checkpoints on its own ({@code wal_autocheckpoint=0}):
 * copying the log back into the database and syncing it took tens of milliseconds in the middle of a commit, so
 * the store does it from a connection of its own; checkpoints still sync before and after, so nothing durable changes.
 */
public final class SqliteDialect implements Dialect {

    /** Past this many log frames (4 KiB pages: 64 MiB) the writer checkpoints itself so the log can restart. */
    static final long WRITER_CHECKPOINT_FRAMES = 16_384;

    private final Path file;
    private final long writerCheckpointFrames;

    public SqliteDialect(Path file) {
        this(file, WRITER_CHECKPOINT_FRAMES);
    }

    /** With a different threshold for the writer's own checkpoint (tests). */
    SqliteDialect(Path file, long writerCheckpointFrames) {
        this.file = file;
        this.writerCheckpointFrames = writerCheckpointFrames;
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
            // page cache per connection (KiB): the writer's hot pages are the outbox and history indexes
            s.execute(writer ? "PRAGMA cache_size=-4000" : "PRAGMA cache_size=-2000");
            s.execute("PRAGMA temp_store=MEMORY");
            if (writer) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA wal_autocheckpoint=0");
                s.execute("PRAGMA journal_size_limit=67108864");
            }
        }
    }

    @Override
    public boolean checkpoints() {
        return true;
    }

    @Override
    public boolean checkpoint(Connection own) throws SQLException {
        try (Statement s = own.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            // columns: busy, frames in the log, frames copied back. The log only restarts when a checkpoint copied
            // everything before the next commit, which a busy writer may never allow; then the writer does it.
            return rs.next() && rs.getLong(2) >= writerCheckpointFrames;
        }
    }

    @Override
    public void checkpointOnWriter(Connection writer) throws SQLException {
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
        }
    }

    @Override
    public String toString() {
        return "SQLite " + file;
    }
}
