package io.opsdeck.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsdeck.util.Secret;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * PagerDuty Events API v2: firing alerts trigger, acknowledged ones acknowledge, resolved ones resolve,
 * all with the same {@code dedup_key} per alert ({@code opsdeck-<fingerprint>}) so PagerDuty folds them into one incident.
 */
public final class PagerDutyChannel implements Channel {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final ChannelSettings.PagerDutySettings settings;
    private final OkHttpClient http;

    public PagerDutyChannel(String name, ChannelSettings.PagerDutySettings settings, OkHttpClient http) {
        this.name = name;
        this.settings = settings;
        this.http = http;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "pagerduty";
    }

    private static final String DEDUP_PREFIX = "opsdeck-";

    public static String dedupKey(Alert alert) {
        return DEDUP_PREFIX + alert.fingerprint();
    }

    /** The alert fingerprint in a dedup_key this channel made, or empty for anybody else's key. */
    public static java.util.Optional<String> fingerprintOf(String dedupKey) {
        return dedupKey != null && dedupKey.startsWith(DEDUP_PREFIX) && dedupKey.length() > DEDUP_PREFIX.length()
                ? java.util.Optional.of(dedupKey.substring(DEDUP_PREFIX.length())) : java.util.Optional.empty();
    }

    @Override
    public void send(Delivery d) throws DeliveryException {
        Request request = new Request.Builder().url(settings.url())
                .header("Idempotency-Key", d.idempotencyKey())
                .post(RequestBody.create(body(d, settings.routingKey()), JSON_TYPE)).build();
        HttpDelivery.execute(http.newCall(request), name, settings.routingKey());
    }

    static String body(Delivery d, Secret routingKey) {
        String action = switch (d.alert().status()) {
            case "resolved" -> "resolve";
            case "acknowledged" -> "acknowledge";
            default -> "trigger";
        };
        ObjectNode root = JSON.createObjectNode();
        root.put("routing_key", routingKey.reveal());
        root.put("event_action", action);
        root.put("dedup_key", dedupKey(d.alert()));
        if ("trigger".equals(action)) {
            ObjectNode payload = root.putObject("payload");
            payload.put("summary", d.rendered().subject().length() > 1024 ? d.rendered().subject().substring(0, 1024) : d.rendered().subject());
            payload.put("source", d.alert().labels().getOrDefault("instance", "opsdeck"));
            payload.put("severity", switch (d.severity()) {
                case CRITICAL -> "critical";
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "info";
            });
            payload.put("component", d.alert().labels().getOrDefault("job", ""));
            payload.putObject("custom_details").put("text", d.rendered().text()).put("opsdeck_idempotency_key", d.idempotencyKey());
            var links = root.putArray("links");
            d.rendered().links().forEach((k, v) -> links.addObject().put("href", v).put("text", k));
        }
        return root.toString();
    }
}
