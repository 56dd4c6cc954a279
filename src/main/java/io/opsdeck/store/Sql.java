package io.opsdeck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Small JDBC helpers: bind positional parameters, map rows. */
final class Sql {

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * Prepared statements per connection, reused: parsing the SQL again for every row was the writer's largest cost.
     * Each connection is only ever used by its own store thread; closing the connection closes its statements.
     */
    private static final Map<Connection, Map<String, PreparedStatement>> CACHE = new ConcurrentHashMap<>();

    private Sql() {
    }

    private static PreparedStatement prepared(Connection c, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = CACHE.computeIfAbsent(c, k -> new HashMap<>());
        PreparedStatement p = statements.get(sql);
        if (p == null || p.isClosed()) {
            p = c.prepareStatement(sql);
            statements.put(sql, p);
        }
        p.clearParameters();
        return p;
    }

    /** Forgets a connection's statements (call before closing it). */
    static void forget(Connection c) {
        CACHE.remove(c);
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement p = prepared(c, sql);
        bind(p, params);
        return p.executeUpdate();
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        {
            PreparedStatement p = prepared(c, sql);
            bind(p, params);
            try (ResultSet rs = p.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    static void bind(PreparedStatement p, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            p.setObject(i + 1, params[i]);
        }
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
