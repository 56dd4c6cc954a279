package io.opsdeck.notify;

import io.opsdeck.util.Secret;
import java.time.Duration;

/**
 * One named notification channel. {@code type} is email, slack, webhook, pagerduty or desktop and the
 * block of the same name holds its settings. {@code rate_limit_per_minute} (0 = unlimited) sends the overflow
 * to a digest instead of dropping it; {@code timeout} bounds one delivery attempt (default 10s).
 */
public record ChannelSettings(
        String name,
        String type,
        Integer rateLimitPerMinute,
        Duration timeout,
        EmailSettings email,
        SlackSettings slack,
        WebhookSettings webhook,
        PagerDutySettings pagerduty) {

    public static final java.util.Set<String> TYPES = java.util.Set.of("email", "slack", "webhook", "pagerduty", "desktop");

    public ChannelSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a channel needs a name");
        }
        if (type == null || !TYPES.contains(type)) {
            throw new IllegalArgumentException("channel '" + name + "': type must be one of " + new java.util.TreeSet<>(TYPES)
                    + ", not '" + type + "'");
        }
        boolean missing = switch (type) {
            case "email" -> email == null;
            case "slack" -> slack == null;
            case "webhook" -> webhook == null;
            case "pagerduty" -> pagerduty == null;
            default -> false;
        };
        if (missing) {
            throw new IllegalArgumentException("channel '" + name + "' of type " + type + " needs a '" + type + ":' block");
        }
        rateLimitPerMinute = rateLimitPerMinute == null ? 0 : rateLimitPerMinute;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    /**
     * SMTP. {@code security}: none, starttls (default, required) or smtps. {@code port} defaults to 587,
     * 465 for smtps. {@code tls} (starttls and smtps only) sets whom to trust; without it the system's roots.
     */
    public record EmailSettings(String host, Integer port, String security, String username, Secret password, String from,
            EmailTls tls) {
        public EmailSettings {
            if (host == null || from == null) {
                throw new IllegalArgumentException("email: 'host' and 'from' are required");
            }
            security = security == null ? "starttls" : security;
            if (!java.util.Set.of("none", "starttls", "smtps").contains(security)) {
                throw new IllegalArgumentException("email: security must be none, starttls or smtps, not '" + security + "'");
            }
            if (tls != null && "none".equals(security)) {
                throw new IllegalArgumentException("email: 'tls' needs security starttls or smtps, not none");
            }
            port = port != null ? port : "smtps".equals(security) ? 465 : 587;
            tls = tls == null ? new EmailTls(null, null) : tls;
        }
    }

    /**
     * Whom the mail channel trusts: {@code ca_file}, a PEM bundle of CA (or self-signed server) certificates, replaces
     * the system's roots; {@code insecure_skip_verify} (default false) accepts any certificate and host name.
     * The server's name is always checked against its certificate otherwise.
     */
    public record EmailTls(java.nio.file.Path caFile, Boolean insecureSkipVerify) {
        public EmailTls {
            insecureSkipVerify = insecureSkipVerify != null && insecureSkipVerify;
        }
    }

    /** A Slack incoming webhook; the URL is a secret. */
    public record SlackSettings(Secret url) {
        public SlackSettings {
            if (url == null) {
                throw new IllegalArgumentException("slack: 'url' is required");
            }
        }
    }

    /** A generic JSON webhook with optional extra headers and an HMAC-SHA256 signing key. */
    public record WebhookSettings(Secret url, java.util.Map<String, Secret> headers, Secret hmacKey) {
        public WebhookSettings {
            if (url == null) {
                throw new IllegalArgumentException("webhook: 'url' is required");
            }
            headers = headers == null ? java.util.Map.of() : java.util.Map.copyOf(headers);
        }
    }

    /**
     * PagerDuty Events API v2. {@code url} defaults to https://events.pagerduty.com/v2/enqueue. {@code webhook_secret},
     * the secret of a PagerDuty v3 webhook subscription, lets PagerDuty acknowledge alerts through the agent.
     */
    public record PagerDutySettings(String url, Secret routingKey, Secret webhookSecret) {
        public PagerDutySettings {
            if (routingKey == null) {
                throw new IllegalArgumentException("pagerduty: 'routing_key' is required");
            }
            url = url == null ? "https://events.pagerduty.com/v2/enqueue" : url;
        }
    }
}
