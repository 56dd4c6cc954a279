package io.opsdeck.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opsdeck.util.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Generic JSON webhook. Sends {@code Idempotency-Key}, the configured headers and, with an HMAC key,
 * {@code X-OpsDeck-Signature: sha256=<hex of HMAC-SHA256(body)>} so receivers can check the sender.
 */
public final class WebhookChannel implements Channel {

    public static final String SIGNATURE_HEADER = "X-OpsDeck-Signature";
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final ChannelSettings.WebhookSettings settings;
    private final OkHttpClient http;

    public WebhookChannel(String name, ChannelSettings.WebhookSettings settings, OkHttpClient http) {
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
        return "webhook";
    }

    @Override
    public void send(Delivery d) throws DeliveryException {
        byte[] body = body(d).getBytes(StandardCharsets.UTF_8);
        Request.Builder request = new Request.Builder().url(settings.url().reveal())
                .header("Idempotency-Key", d.idempotencyKey())
                .post(RequestBody.create(body, JSON_TYPE));
        settings.headers().forEach((k, v) -> request.header(k, v.reveal()));
        if (settings.hmacKey() != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + sign(settings.hmacKey(), body));
        }
        HttpDelivery.execute(http.newCall(request.build()), name, settings.url());
    }

    /** Hex HMAC-SHA256 of {@code body} under {@code key}. */
    public static String sign(Secret key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static String body(Delivery d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("idempotencyKey", d.idempotencyKey());
        root.put("kind", d.kind());
        root.put("title", d.rendered().subject());
        root.put("text", d.rendered().text());
        root.put("severity", d.severity().lower());
        root.put("status", d.alert().status());
        root.put("fingerprint", d.alert().fingerprint());
        root.put("alertname", d.alert().alertname());
        root.putPOJO("links", d.rendered().links());
        return root.toString();
    }
}
