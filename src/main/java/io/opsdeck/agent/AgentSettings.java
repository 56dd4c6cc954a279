package io.opsdeck.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.opsdeck.notify.ChannelSettings;
import io.opsdeck.notify.RecipientSettings;
import io.opsdeck.notify.RouteSettings;
import io.opsdeck.remediation.RemediationSettings;
import io.opsdeck.util.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything {@code opsdeck agent} reads from the {@code agent:} section of the configuration. Every field has
 * a default (see docs/agent.md); unknown keys are errors naming the key, line and column.
 *
 * <pre>{@code
 * AgentSettings settings = AgentSettings.load(Path.of("agent.yaml"));   // the file's top level or its agent: key
 * }</pre>
 */
// url and token(_file) in the same section tell the console how to reach this agent; they are not the agent's own.
@JsonIgnoreProperties({"url", "token", "token_file"})
public record AgentSettings(
        String listen,
        Path database,
        Duration retention,
        Long maxBodyBytes,
        WebhookAuth webhookAuth,
        List<UserSettings> users,
        TemplateSettings templates,
        DeliverySettings delivery,
        NoiseSettings noise,
        PollSettings poll,
        List<ChannelSettings> channels,
        List<RecipientSettings> recipients,
        List<RouteSettings> routes,
        List<EscalationPolicy> escalations,
        RemediationSettings remediation,
        StoreSettings store) {

    public AgentSettings {
        remediation = remediation == null ? RemediationSettings.disabled() : remediation;
        listen = listen == null ? "127.0.0.1:9097" : listen;
        database = database == null ? defaultDatabase() : database;
        retention = retention == null ? Duration.ofDays(30) : retention;
        maxBodyBytes = maxBodyBytes == null ? 4L * 1024 * 1024 : maxBodyBytes;
        users = users == null ? List.of() : List.copyOf(users);
        templates = templates == null ? new TemplateSettings(null, null) : templates;
        delivery = delivery == null ? new DeliverySettings(null, null, null, null) : delivery;
        noise = noise == null ? new NoiseSettings(null, null, null, null, null) : noise;
        poll = poll == null ? new PollSettings(null, null, null) : poll;
        channels = channels == null ? List.of() : List.copyOf(channels);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        routes = routes == null ? List.of() : List.copyOf(routes);
        escalations = escalations == null ? List.of() : List.copyOf(escalations);
        if (!listen.matches("[^:]+:\\d+")) {
            throw new IllegalArgumentException("listen must be host:port, not '" + listen + "'");
        }
    }

    private static Path defaultDatabase() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("opsdeck").resolve("agent.db");
    }

    /**
     * These settings with their relative file paths (database, templates folder, remediation plans, the store's
     * password file) resolved against {@code dir}, the configuration file's folder, as every path in the
     * configuration is: the service runs in its own working directory.
     */
    public AgentSettings resolvedAgainst(Path dir) {
        Path templatesDir = templates.dir() == null ? null : dir.resolve(templates.dir()).normalize();
        return new AgentSettings(listen, dir.resolve(database).normalize(), retention, maxBodyBytes, webhookAuth, users,
                new TemplateSettings(templatesDir, templates.redact()), delivery, noise, poll, channels, recipients,
                routes, escalations, remediation.resolvedAgainst(dir), store == null ? null : store.resolvedAgainst(dir));
    }

    public String host() {
        return listen.substring(0, listen.lastIndexOf(':'));
    }

    public int port() {
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    /** Webhook intake auth: a bearer token, or basic auth (username and password); none when absent. */
    public record WebhookAuth(Secret bearer, String username, Secret password) {
    }

    /** An API user; the token is hashed before it is stored. Roles: viewer, operator, approver, admin. */
    public record UserSettings(String name, String role, Secret token) {
        public UserSettings {
            if (name == null || token == null || token.isEmpty()) {
                throw new IllegalArgumentException("a user needs 'name' and 'token'");
            }
            Role.of(role);
        }
    }

    /** A folder of user templates overriding the defaults, and regexes of personal data to redact. */
    public record TemplateSettings(Path dir, List<String> redact) {
        public TemplateSettings {
            redact = redact == null ? List.of() : List.copyOf(redact);
        }
    }

    /** Outbox workers: concurrent deliveries, attempts before dead, exponential backoff bounds (with jitter). */
    public record DeliverySettings(Integer workers, Integer maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        public DeliverySettings {
            workers = workers == null ? 16 : workers;
            maxAttempts = maxAttempts == null ? 8 : maxAttempts;
            initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
            if (workers < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("delivery: workers and max_attempts must be at least 1");
            }
        }
    }

    /**
     * Noise control: no repeat of a firing notification within {@code repeatInterval}; severities in
     * {@code digestSeverities} collected into one message every {@code digestInterval}; an alert changing state
     * {@code flapChanges} times within {@code flapWindow} is reported once as flapping.
     */
    public record NoiseSettings(Duration repeatInterval, List<String> digestSeverities, Duration digestInterval,
            Integer flapChanges, Duration flapWindow) {
        public NoiseSettings {
            repeatInterval = repeatInterval == null ? Duration.ofHours(4) : repeatInterval;
            digestSeverities = digestSeverities == null ? List.of() : List.copyOf(digestSeverities);
            digestInterval = digestInterval == null ? Duration.ofMinutes(15) : digestInterval;
            flapChanges = flapChanges == null ? 6 : flapChanges;
            flapWindow = flapWindow == null ? Duration.ofMinutes(30) : flapWindow;
        }
    }

    /**
     * Polling for desktops Alertmanager cannot reach: the Alertmanagers' URLs and the interval. An active silence
     * whose comment starts with {@code ackPrefix} acknowledges the alerts it matches.
     */
    public record PollSettings(List<String> alertmanagers, Duration interval, String ackPrefix) {
        public PollSettings {
            alertmanagers = alertmanagers == null ? List.of() : List.copyOf(alertmanagers);
            interval = interval == null ? Duration.ofSeconds(30) : interval;
            ackPrefix = ackPrefix == null ? "ACK!" : ackPrefix;
            for (String url : alertmanagers) {
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    throw new IllegalArgumentException("poll: '" + url + "' is not an http(s) URL");
                }
            }
        }
    }

    /** Escalation: tier N is notified when the alert is still unacknowledged {@code after} the previous tier. */
    public record EscalationPolicy(String name, List<Tier> tiers) {
        public EscalationPolicy {
            if (name == null || tiers == null || tiers.isEmpty()) {
                throw new IllegalArgumentException("an escalation policy needs a 'name' and at least one tier");
            }
            tiers = List.copyOf(tiers);
        }

        /** One tier: wait {@code after}, then notify these channels and recipients. */
        public record Tier(Duration after, List<String> channels, List<String> recipients) {
            public Tier {
                if (after == null) {
                    throw new IllegalArgumentException("an escalation tier needs 'after'");
                }
                channels = channels == null ? List.of() : List.copyOf(channels);
                recipients = recipients == null ? List.of() : List.copyOf(recipients);
            }
        }
    }

    /** Binds an {@code agent:} mapping (already parsed, e.g. by the main config loader). */
    public static AgentSettings fromYaml(JsonNode node) {
        return SettingsYaml.fromYaml(node);
    }

    /** Reads a YAML file: its {@code agent:} key if present, else the whole document. */
    public static AgentSettings load(Path file) {
        return SettingsYaml.load(file);
    }

    /** Reads the {@code agent:} key of the main configuration file; defaults when the file has none. */
    public static AgentSettings loadSection(Path file) {
        return SettingsYaml.loadSection(file);
    }
}
