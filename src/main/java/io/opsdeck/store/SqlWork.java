package io.opsdeck.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on one JDBC connection, run by the store on its own threads. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
