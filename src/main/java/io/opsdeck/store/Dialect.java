package io.opsdeck.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between databases. Every table and query elsewhere is portable SQL;
 * engine-specific settings (pragmas) live only in implementations of this interface.
 */
public interface Dialect {

    /** The JDBC URL for the database. */
    String jdbcUrl();

    /** Applies per-connection settings right after opening. */
    void configure(Connection connection, boolean writer) throws SQLException;
}
