package io.opsdeck.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.opsdeck.store.Dialect;
import io.opsdeck.store.PostgresDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The agent's {@code store:} section: a PostgreSQL database shared by several agents instead of the local SQLite
 * file ({@code database:}). The password is read from {@code password_file} (first line) when the store opens,
 * so it is never part of the settings file.
 *
 * <pre>{@code
 * store: {url: 'jdbc:postgresql://127.0.0.1:5432/opsdeck', user: opsdeck, password_file: /etc/opsdeck/db-password}
 * }</pre>
 */
public record StoreSettings(String url, String user, @JsonProperty("password_file") Path passwordFile) {

    public StoreSettings {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("store.url must be jdbc:postgresql://host:port/database"
                    + " (without a store section the agent uses the SQLite file named by database:)");
        }
    }

    /** These settings with the password file, when relative, resolved against {@code dir}. */
    StoreSettings resolvedAgainst(Path dir) {
        return passwordFile == null ? this : new StoreSettings(url, user, dir.resolve(passwordFile).normalize());
    }

    /** The dialect to open, reading the password file now. */
    public Dialect dialect() {
        String password = null;
        if (passwordFile != null) {
            try {
                password = Files.readString(passwordFile).lines().findFirst().orElse("").strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("store.password_file " + passwordFile + " cannot be read: "
                        + e.getClass().getSimpleName(), e);
            }
        }
        return new PostgresDialect(url, user, password);
    }
}
