package io.opsdeck.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.opsdeck.notify.Message;
import io.opsdeck.notify.Rendered;
import io.opsdeck.notify.Router;
import io.opsdeck.notify.Templates;
import io.opsdeck.store.Notification;
import java.util.UUID;

/**
 * Turns a message and a routing target into an outbox row: rendered for the channel, with an idempotency key
 * derived only from what identifies the notification, so a re-received alert produces the same key.
 */
final class NotificationFactory {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What the outbox keeps to deliver later: the message and the recipient's address. */
    record Payload(String address, Message message) {
    }

    private final Templates templates;

    NotificationFactory(Templates templates) {
        this.templates = templates;
    }

    Notification build(String kind, Message message, Router.Target target, String baseKey, long notBefore, long now) {
        String key = Fingerprints.sha256(baseKey, target.channel(), target.recipient(), kind).substring(0, 40);
        Rendered rendered = templates.render(target.channelType(), message);
        var alert = message.first();
        return Notification.pending(UUID.randomUUID().toString(), key, kind, alert.fingerprint(), alert.alertname(),
                message.severity().lower(), alert.status(), target.channel(), target.channelType(), target.recipient(),
                write(new Payload(target.address(), message)), write(rendered), notBefore, now);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    static Payload payload(Notification n) {
        return read(n.payload(), Payload.class);
    }

    static Rendered rendered(Notification n) {
        return read(n.rendered(), Rendered.class);
    }

    /** Stored labels JSON as a map; empty when missing or unreadable (they are only shown, never trusted). */
    static java.util.Map<String, String> readLabels(String json) {
        if (json == null || json.isBlank()) {
            return java.util.Map.of();
        }
        try {
            return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            return java.util.Map.of();
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
