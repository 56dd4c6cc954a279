package io.opsdeck.notify;

import io.opsdeck.util.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/** Builds channels from settings and lists every secret they hold (for the redactor). */
public final class Channels {

    private Channels() {
    }

    /**
     * One channel per setting; {@code http} is shared and each channel gets its own call timeout, which bounds the
     * whole attempt (connect, send, wait, read). Per-read and per-write timeouts of the same length were redundant
     * under it and put each socket read or write through OkHttp's timeout queue, so they are off.
     */
    public static Map<String, Channel> create(List<ChannelSettings> settings, OkHttpClient http) {
        Map<String, Channel> out = new LinkedHashMap<>();
        for (ChannelSettings s : settings) {
            OkHttpClient client = http.newBuilder().callTimeout(s.timeout())
                    .readTimeout(java.time.Duration.ZERO).writeTimeout(java.time.Duration.ZERO).build();
            out.put(s.name(), switch (s.type()) {
                case "email" -> new EmailChannel(s.name(), s.email(), s.timeout());
                case "slack" -> new SlackChannel(s.name(), s.slack(), client);
                case "webhook" -> new WebhookChannel(s.name(), s.webhook(), client);
                case "pagerduty" -> new PagerDutyChannel(s.name(), s.pagerduty(), client);
                default -> new DesktopChannel(s.name());
            });
        }
        return out;
    }

    public static List<Secret> secrets(List<ChannelSettings> settings) {
        List<Secret> out = new ArrayList<>();
        for (ChannelSettings s : settings) {
            if (s.email() != null && s.email().password() != null) {
                out.add(s.email().password());
            }
            if (s.slack() != null) {
                out.add(s.slack().url());
            }
            if (s.webhook() != null) {
                out.add(s.webhook().url());
                out.addAll(s.webhook().headers().values());
                if (s.webhook().hmacKey() != null) {
                    out.add(s.webhook().hmacKey());
                }
            }
            if (s.pagerduty() != null) {
                out.add(s.pagerduty().routingKey());
                if (s.pagerduty().webhookSecret() != null) {
                    out.add(s.pagerduty().webhookSecret());
                }
            }
        }
        return out;
    }
}
