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

    /** Largest id list bound in one statement by {@link #updateIn}. */
    static final int IN_CHUNK = 128;
    private static final int[] IN_SIZES = {1, 8, 32, IN_CHUNK};

    /**
     * Runs {@code sqlBeforeList + "(?,?,...)"} with {@code params} then a chunk of {@code ids}, for all ids. A chunk is
     * padded to one of a few list sizes by repeating its last id (harmless in {@code IN}), so each statement is
     * prepared at most four times, not once per batch size. Returns the rows changed.
     */
    static int updateIn(Connection c, String sqlBeforeList, List<?> params, List<String> ids) throws SQLException {
        int changed = 0;
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            int size = IN_SIZES[0];
            for (int candidate : IN_SIZES) {
                size = candidate;
                if (candidate >= chunk.size()) {
                    break;
                }
            }
            Object[] all = new Object[params.size() + size];
            for (int i = 0; i < params.size(); i++) {
                all[i] = params.get(i);
            }
            for (int i = 0; i < size; i++) {
                all[params.size() + i] = chunk.get(Math.min(i, chunk.size() - 1));
            }
            changed += update(c, sqlBeforeList + "(" + "?,".repeat(size - 1) + "?)", all);
        }
        return changed;
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
