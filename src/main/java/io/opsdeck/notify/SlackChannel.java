package io.opsdeck.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/** Slack incoming webhook: Block Kit inside an attachment coloured by severity, with runbook, dashboard and silence buttons. */
public final class SlackChannel implements Channel {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> BUTTONS = Map.of("runbook", "Runbook", "dashboard", "Dashboard",
            "silence", "Silence", "source", "Source");

    private final String name;
    private final ChannelSettings.SlackSettings settings;
    private final OkHttpClient http;

    public SlackChannel(String name, ChannelSettings.SlackSettings settings, OkHttpClient http) {
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
        return "slack";
    }

    @Override
    public void send(Delivery d) throws DeliveryException {
        Request request = new Request.Builder().url(settings.url().reveal())
                .header("Idempotency-Key", d.idempotencyKey())
                .post(RequestBody.create(body(d), JSON_TYPE)).build();
        HttpDelivery.execute(http.newCall(request), name, settings.url());
    }

    static String body(Delivery d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", d.rendered().subject());
        ObjectNode attachment = root.putArray("attachments").addObject();
        attachment.put("color", d.alert().resolved() && "alert".equals(d.kind()) ? "#2EB67D" : d.severity().color());
        attachment.put("fallback", d.rendered().subject());
        ArrayNode blocks = attachment.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", truncate(d.rendered().subject(), 150));
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", truncate(d.rendered().text(), 2900));
        if (!d.rendered().links().isEmpty()) {
            ArrayNode elements = blocks.addObject().put("type", "actions").putArray("elements");
            d.rendered().links().forEach((kind, url) -> {
                ObjectNode button = elements.addObject().put("type", "button").put("url", url);
                button.putObject("text").put("type", "plain_text").put("text", BUTTONS.getOrDefault(kind, kind));
            });
        }
        return root.toString();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
