package io.opsdeck.http;

import io.opsdeck.util.Secret;
import java.util.Objects;

/** HTTP basic authentication; the password is a {@link Secret} and never printed. */
public record BasicAuth(String username, Secret password) {

    public BasicAuth {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }
}
