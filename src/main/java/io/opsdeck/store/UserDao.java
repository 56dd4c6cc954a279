package io.opsdeck.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** API users: name, role and the SHA-256 of their token (the token itself is never stored). */
public final class UserDao {

    /** A stored user. */
    public record User(String name, String role, String tokenHash) {
    }

    UserDao() {
    }

    public void put(Connection c, String name, String role, String tokenHash, long now) throws SQLException {
        Sql.update(c, "INSERT INTO users (name, role, token_hash, created_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET role = excluded.role, token_hash = excluded.token_hash", name, role, tokenHash, now);
    }

    /** Makes the table hold exactly these users (the configuration is the source of truth). */
    public void replaceAll(Connection c, List<User> users, long now) throws SQLException {
        Sql.update(c, "DELETE FROM users");
        for (User u : users) {
            put(c, u.name(), u.role(), u.tokenHash(), now);
        }
    }

    public List<User> all(Connection c) throws SQLException {
        return Sql.query(c, "SELECT name, role, token_hash FROM users ORDER BY name",
                rs -> new User(rs.getString(1), rs.getString(2), rs.getString(3)));
    }
}
