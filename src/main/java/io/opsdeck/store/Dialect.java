package io.opsdeck.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * What differs between databases. Every table and query elsewhere is portable SQL;
 * engine-specific settings (pragmas, row locks, sequences) live only in implementations of this interface.
 */
public interface Dialect {

    /** The JDBC URL for the database. */
    String jdbcUrl();

    /** Connection properties (user, password); none by default. */
    default Properties connectionProperties() {
        return new Properties();
    }

    /** Applies per-connection settings right after opening. */
    void configure(Connection connection, boolean writer) throws SQLException;

    /** Runs on the writer connection before the migrations (e.g. takes a lock so agents starting together wait). */
    default void beforeMigrations(Connection writer) throws SQLException {
    }

    /** Runs on the writer connection after the migrations (e.g. creates a sequence, releases that lock). */
    default void afterMigrations(Connection writer) throws SQLException {
    }

    /**
     * True when several agents may share the database: sequence numbers then come from the database, claims skip
     * rows other agents locked, and rows in delivery are only taken back from an agent once their claim is stale.
     */
    default boolean shared() {
        return false;
    }

    /** The next store-wide sequence number, for a {@link #shared()} database; called inside a write. */
    default long nextSeq(Connection writer) throws SQLException {
        throw new UnsupportedOperationException(this + " numbers rows in the writer");
    }

    /** Appended to a SELECT that claims rows: other agents' claims in progress are skipped, not waited for. */
    default String skipLocked() {
        return "";
    }

    /** Appended to a SELECT whose rows the transaction will update (serialises agents appending to a chain). */
    default String forUpdate() {
        return "";
    }

    /** Whether the store should call {@link #checkpoint} (it then opens a connection for it). */
    default boolean checkpoints() {
        return false;
    }

    /**
     * Housekeeping the store runs off the writer thread about once a second on a connection of its own (SQLite:
     * copy the write-ahead log back into the database). Returns true when the writer should finish it itself.
     */
    default boolean checkpoint(Connection own) throws SQLException {
        return false;
    }

    /** Checkpoints on the writer thread, between groups, when the background checkpoint cannot catch up. */
    default void checkpointOnWriter(Connection writer) throws SQLException {
    }
}
