package io.opsdeck.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Dialect#checkpoint} about every {@code intervalMillis} on a connection and platform thread of its own
 * (SQLite: copies the write-ahead log back into the database, so the writer never does it inside a commit). When
 * the dialect says the writer must finish the job, {@link #writerShouldCheckpoint()} turns true once.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Dialect dialect;
    private final Connection connection;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean writerShould;
    private volatile boolean closed;
    private final AtomicLong writerCheckpoints = new AtomicLong();

    Checkpointer(Dialect dialect, long intervalMillis) throws SQLException {
        this.dialect = dialect;
        this.intervalMillis = intervalMillis;
        this.connection = DriverManager.getConnection(dialect.jdbcUrl(), dialect.connectionProperties());
        dialect.configure(connection, true);
        this.thread = Thread.ofPlatform().name("opsdeck-store-checkpoint").daemon(true).start(this::loop);
    }

    /** True once after the background checkpoint could not keep up; the writer then checkpoints between groups. */
    boolean writerShouldCheckpoint() {
        if (writerShould) {
            writerShould = false;
            return true;
        }
        return false;
    }

    /** Checkpoints on the writer's connection, outside any transaction; called by the writer thread between groups. */
    void runOnWriter(Connection writer) {
        try {
            writer.setAutoCommit(true);
            try {
                dialect.checkpointOnWriter(writer);
                writerCheckpoints.incrementAndGet();
            } finally {
                writer.setAutoCommit(false);
            }
        } catch (SQLException e) {
            LOG.warn("Checkpoint on {} failed: {}", dialect, e.getMessage());
        }
    }

    long writerCheckpoints() {
        return writerCheckpoints.get();
    }

    private void loop() {
        while (!closed) {
            try {
                Thread.sleep(intervalMillis);
                if (dialect.checkpoint(connection)) {
                    writerShould = true;
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                LOG.warn("Background checkpoint on {} failed (the writer does it later): {}", dialect, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            LOG.warn("Closing the checkpoint connection of {}: {}", dialect, e.getMessage());
        }
    }
}
