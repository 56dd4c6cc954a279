package io.opsdeck.notify;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Objects;

/**
 * A password, token or secret URL. {@link #toString()} masks it so it never reaches logs, history or errors;
 * only {@link #reveal()} gives the value, at the point of use. In YAML, {@code ${NAME}} reads environment variable NAME.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** A secret from a settings value; {@code ${NAME}} is replaced by the environment variable NAME. */
    @JsonCreator
    public static Secret of(String raw) {
        if (raw != null && raw.startsWith("${") && raw.endsWith("}")) {
            String name = raw.substring(2, raw.length() - 1);
            String env = System.getenv(name);
            if (env == null) {
                throw new IllegalArgumentException("environment variable " + name + " is not set");
            }
            return new Secret(env);
        }
        return new Secret(raw == null ? "" : raw);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "*****";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8), s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
