package io.opsdeck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers: bind positional parameters, map rows. */
final class Sql {

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, params);
            return p.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
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
