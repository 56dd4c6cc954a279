package io.opsdeck.agent;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.opsdeck.notify.ChannelSettings;
import io.opsdeck.notify.Durations;
import io.opsdeck.notify.RecipientSettings;
import io.opsdeck.notify.RouteSettings;
import io.opsdeck.notify.Secret;
import io.opsdeck.remediation.RemediationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything {@code opsdeck agent} reads from the {@code agent:} section of the configuration. Every field has
 * a default (see docs/agent.md); unknown keys are errors naming the key, line and column.
 *
 * <pre>{@code
 * AgentSettings settings = AgentSettings.load(Path.of("agent.yaml"));   // the file's top level or its agent: key
 * }</pre>
 */
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
        RemediationSettings remediation) {

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
                throw new IllegalArgumentException("delivery: workers and maxAttempts must be at least 1");
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

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(Durations.jacksonModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Binds an {@code agent:} mapping (already parsed, e.g. by the main config loader). */
    public static AgentSettings fromYaml(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return YAML.convertValue(YAML.createObjectNode(), AgentSettings.class);
        }
        try {
            return YAML.treeToValue(node, AgentSettings.class);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("agent settings: " + describe(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("agent settings: " + e.getMessage(), e);
        }
    }

    /** Reads a YAML file: its {@code agent:} key if present, else the whole document. */
    public static AgentSettings load(Path file) {
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            JsonNode node = root != null && root.has("agent") ? root.get("agent") : root;
            try {
                return YAML.readerFor(AgentSettings.class).readValue(YAML.treeAsTokens(node == null ? YAML.createObjectNode() : node));
            } catch (JsonMappingException e) {
                // re-read from text so the location is a line and column in the file
                JsonMappingException located = locate(file, root != null && root.has("agent"), e);
                throw new IllegalArgumentException(file + ": " + describe(located, keyLine(file, located)), e);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the {@code agent:} key of the main configuration file; defaults when the file has none. */
    public static AgentSettings loadSection(Path file) {
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            return root != null && root.has("agent") ? load(file) : fromYaml(null);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static JsonMappingException locate(Path file, boolean nested, JsonMappingException fallback) {
        try {
            if (nested) {
                YAML.readerFor(Wrapper.class).readValue(file.toFile());
            } else {
                YAML.readerFor(AgentSettings.class).readValue(file.toFile());
            }
        } catch (JsonMappingException e) {
            return e;
        } catch (IOException e) {
            return fallback;
        }
        return fallback;
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    private record Wrapper(AgentSettings agent) {
    }

    /** YAML parsers report the position after a key's value; find the line the unknown key is on. */
    private static int keyLine(Path file, JsonMappingException e) throws IOException {
        JsonLocation loc = e.getLocation();
        if (!(e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) || loc == null) {
            return loc == null ? -1 : loc.getLineNr();
        }
        List<String> lines = Files.readAllLines(file);
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("(^|[\\s{,-])" + java.util.regex.Pattern.quote(u.getPropertyName()) + "\\s*:");
        for (int i = Math.min(loc.getLineNr(), lines.size()) - 1; i >= 0; i--) {
            if (key.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return loc.getLineNr();
    }

    static String describe(JsonMappingException e) {
        return describe(e, e.getLocation() == null ? -1 : e.getLocation().getLineNr());
    }

    static String describe(JsonMappingException e, int line) {
        String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        Throwable cause = e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : null;
        String message = cause != null ? cause.getMessage() : e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            message = "unknown key '" + u.getPropertyName() + "' (known: " + u.getKnownPropertyIds() + ")";
        }
        JsonLocation loc = e.getLocation();
        String where = line <= 0 ? "" : loc != null && line == loc.getLineNr() ? " (line " + line + ", column " + loc.getColumnNr() + ")"
                : " (line " + line + ")";
        return (path.isEmpty() ? "" : "at " + path + ": ") + message + where;
    }
}
