package io.opsdeck.notify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.opsdeck.util.Secret;
import java.io.IOException;
import java.util.Map;

/**
 * Secrets in notification and agent settings: a plain value, or {@code ${NAME}} for environment variable NAME.
 * Binds {@link Secret} for Jackson here so {@code io.opsdeck.util} stays free of Jackson.
 *
 * <pre>{@code
 * ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).registerModule(SecretSettings.jacksonModule());
 * }</pre>
 */
public final class SecretSettings {

    private SecretSettings() {
    }

    /** The secret a setting names; an unset variable is an error naming the variable, never a value. */
    public static Secret parse(String raw, Map<String, String> environment) {
        if (raw != null && raw.startsWith("${") && raw.endsWith("}")) {
            String name = raw.substring(2, raw.length() - 1);
            String value = environment.get(name);
            if (value == null) {
                throw new IllegalArgumentException("environment variable " + name + " is not set");
            }
            return Secret.of(value);
        }
        return Secret.of(raw == null ? "" : raw);
    }

    /** A Jackson module reading {@link Secret} fields from strings, with {@code ${NAME}} from the process environment. */
    public static SimpleModule jacksonModule() {
        return jacksonModule(System.getenv());
    }

    /** As {@link #jacksonModule()} with the given environment (tests). */
    public static SimpleModule jacksonModule(Map<String, String> environment) {
        SimpleModule module = new SimpleModule("opsdeck-secrets");
        module.addDeserializer(Secret.class, new JsonDeserializer<>() {
            @Override
            public Secret deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                if (!p.currentToken().isScalarValue()) {
                    return (Secret) ctx.handleUnexpectedToken(Secret.class, p);
                }
                String raw = p.getValueAsString();
                try {
                    return parse(raw, environment);
                } catch (IllegalArgumentException e) {
                    // raw is a ${NAME} reference here, not a secret value
                    return (Secret) ctx.handleWeirdStringValue(Secret.class, raw, e.getMessage());
                }
            }
        });
        return module;
    }
}
