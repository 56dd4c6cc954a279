package io.opsdeck.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Preferences in a small JSON file, by default {@code ~/.config/opsdeck/console.json}. A broken file is logged
 * (naming the file) and treated as empty rather than stopping the console; writes replace the file atomically.
 *
 * <pre>{@code
 * ConsolePreferences prefs = JsonFilePreferences.open(JsonFilePreferences.defaultPath());
 * prefs.lastRole("DBA");
 * }</pre>
 */
public final class JsonFilePreferences implements ConsolePreferences {

    private static final Logger LOG = LoggerFactory.getLogger(JsonFilePreferences.class);
    private static final String NOTIFICATIONS = "notifications";
    private final ObjectMapper json = new ObjectMapper();
    private final Path file;
    private final ObjectNode values;

    private JsonFilePreferences(Path file, ObjectNode values) {
        this.file = file;
        this.values = values;
    }

    /** {@code $XDG_CONFIG_HOME/opsdeck/console.json}, else {@code ~/.config/opsdeck/console.json}. */
    public static Path defaultPath() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("opsdeck").resolve("console.json");
    }

    /** Reads {@code file} if it exists; a missing or unreadable file starts empty. */
    public static JsonFilePreferences open(Path file) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode values = json.createObjectNode();
        if (Files.exists(file)) {
            try {
                if (json.readTree(file.toFile()) instanceof ObjectNode read) {
                    values = read;
                } else {
                    LOG.warn("Ignoring console preferences in {}: not a JSON object", file);
                }
            } catch (IOException e) {
                LOG.warn("Ignoring console preferences in {}: {}", file, e.getMessage());
            }
        }
        return new JsonFilePreferences(file, values);
    }

    @Override
    public synchronized Optional<String> lastRole() {
        return text("lastRole");
    }

    @Override
    public synchronized void lastRole(String role) {
        values.put("lastRole", role);
        save();
    }

    @Override
    public synchronized Optional<String> theme() {
        return text("theme");
    }

    @Override
    public synchronized void theme(String theme) {
        values.put("theme", theme);
        save();
    }

    @Override
    public synchronized boolean muted() {
        return values.path("muted").asBoolean(false);
    }

    @Override
    public synchronized void muted(boolean muted) {
        values.put("muted", muted);
        save();
    }

    /**
     * {@code "notifications": {"DBA": {"critical": {"desktop": true, "sound": "alarm"}}}}; broken entries are logged
     * and skipped.
     */
    @Override
    public synchronized Map<Severity, SeverityChoice> notificationChoices(String role) {
        Map<Severity, SeverityChoice> out = new EnumMap<>(Severity.class);
        JsonNode byRole = values.path(NOTIFICATIONS).path(role);
        for (Severity s : Severity.values()) {
            JsonNode c = byRole.path(s.name().toLowerCase(Locale.ROOT));
            if (!c.isObject()) {
                continue;
            }
            Optional<AlertSound> sound = AlertSound.parse(c.path("sound").asText(null));
            if (sound.isEmpty() || !c.path("desktop").isBoolean()) {
                LOG.warn("Ignoring the {} notification choice of role {} in {}: expected desktop true/false and sound "
                        + "one of {}", s.name().toLowerCase(Locale.ROOT), role, file, java.util.Arrays.toString(AlertSound.values()));
                continue;
            }
            out.put(s, new SeverityChoice(c.path("desktop").asBoolean(), sound.get()));
        }
        return Map.copyOf(out);
    }

    @Override
    public synchronized void notificationChoice(String role, Severity severity, SeverityChoice choice) {
        ObjectNode all = values.path(NOTIFICATIONS) instanceof ObjectNode o ? o : values.putObject(NOTIFICATIONS);
        ObjectNode byRole = all.path(role) instanceof ObjectNode o ? o : all.putObject(role);
        ObjectNode c = byRole.putObject(severity.name().toLowerCase(Locale.ROOT));
        c.put("desktop", choice.desktop());
        c.put("sound", choice.sound().id());
        save();
    }

    @Override
    public synchronized void clearNotificationChoices(String role) {
        if (values.path(NOTIFICATIONS) instanceof ObjectNode all && all.remove(role) != null) {
            save();
        }
    }

    private Optional<String> text(String key) {
        return values.hasNonNull(key) ? Optional.of(values.get(key).asText()) : Optional.empty();
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, json.writerWithDefaultPrettyPrinter().writeValueAsString(values));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode console preferences", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write console preferences to " + file + ": " + e.getMessage(), e);
        }
    }
}
