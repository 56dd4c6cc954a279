package io.opsdeck.notify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/** Prometheus-style durations in settings: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 7d}. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private Durations() {
    }

    public static Duration parse(String text) {
        return io.opsdeck.util.Durations.parse(text.strip()).orElseThrow(() ->
                new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 30s, 5m, 1h30m)"));
    }

    /** A Jackson module reading {@link Duration} fields in this format. */
    public static SimpleModule jacksonModule() {
        SimpleModule module = new SimpleModule("opsdeck-durations");
        module.addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                try {
                    return parse(p.getValueAsString(""));
                } catch (IllegalArgumentException e) {
                    return (Duration) ctx.handleWeirdStringValue(Duration.class, p.getValueAsString(), e.getMessage());
                }
            }
        });
        return module;
    }
}
