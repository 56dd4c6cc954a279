package io.opsdeck.console.live;

import io.opsdeck.config.ConfigException;
import io.opsdeck.config.ConfigMap;
import io.opsdeck.config.ConfigProblem;
import io.opsdeck.config.ConfigValue;
import io.opsdeck.config.OpsdeckConfig;
import io.opsdeck.console.AlertSound;
import io.opsdeck.console.NotificationPrefs;
import io.opsdeck.console.Role;
import io.opsdeck.console.Severity;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in roles plus the config's {@code roles:} list. A configured role with a built-in's name replaces it;
 * new ones follow the built-ins in file order.
 *
 * <pre>{@code
 * List<Role> roles = ConfiguredRoles.load(config);   // ConfigException: file:line problems
 * }</pre>
 */
public final class ConfiguredRoles {

    private ConfiguredRoles() {
    }

    /** Executive, DevOps, DBA and MLOps with the shipped dashboards and their team filters. */
    public static List<Role> builtIn() {
        NotificationPrefs criticalOnly = new NotificationPrefs(EnumSet.of(Severity.CRITICAL), EnumSet.of(Severity.CRITICAL));
        return List.of(
                new Role("Executive", List.of("executive", "noc"), "severity=~\"critical|warning\"", criticalOnly),
                new Role("DevOps", List.of("devops", "executive"), "team=\"devops\"", NotificationPrefs.defaults()),
                new Role("DBA", List.of("dba"), "team=\"dba\"", NotificationPrefs.defaults()),
                new Role("MLOps", List.of("mlops"), "team=\"mlops\"", NotificationPrefs.defaults()));
    }

    /** Built-ins merged with the configured roles; every problem of the section is thrown at once. */
    public static List<Role> load(OpsdeckConfig config) throws ConfigException {
        List<Role> configured = config.section("roles").isPresent()
                ? config.section("roles").get().bind(ConfiguredRoles::read)
                : List.of();
        Map<String, Role> byName = new LinkedHashMap<>();
        builtIn().forEach(r -> byName.put(r.name().toLowerCase(Locale.ROOT), r));
        configured.forEach(r -> byName.put(r.name().toLowerCase(Locale.ROOT), r));
        return List.copyOf(byName.values());
    }

    /** The problems of the {@code roles:} section alone, for {@code opsdeck check}. */
    public static List<ConfigProblem> check(OpsdeckConfig config) {
        try {
            load(config);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    private static List<Role> read(ConfigValue section) {
        List<Role> roles = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (ConfigValue item : section.asList().orElse(List.of())) {
            item.asMap().ifPresent(m -> {
                Optional<String> name = m.requiredString("name");
                List<String> dashboards = strings(m, "dashboards");
                String filter = m.string("alert_filter").orElse("");
                NotificationPrefs prefs = m.map("notify").map(ConfiguredRoles::notify).orElse(NotificationPrefs.defaults());
                m.finish();
                name.ifPresent(n -> {
                    if (n.isBlank()) {
                        m.problem("name", "a role needs a non-empty name");
                    } else if (!names.add(n.toLowerCase(Locale.ROOT))) {
                        m.problem("name", "duplicate role \"" + n + "\"");
                    } else {
                        roles.add(new Role(n, dashboards, filter, prefs));
                    }
                });
            });
        }
        return roles;
    }

    private static NotificationPrefs notify(ConfigMap m) {
        Set<Severity> notifyOn = m.has("severities") ? severities(m, "severities") : NotificationPrefs.defaults().notifyOn();
        Set<Severity> soundOn = NotificationPrefs.defaults().soundOn();
        Map<Severity, AlertSound> sounds = new java.util.EnumMap<>(Severity.class);
        Optional<ConfigValue> sound = m.get("sound");
        if (sound.isPresent()) {
            if (sound.get().node() instanceof org.snakeyaml.engine.v2.nodes.SequenceNode) {
                soundOn = severities(m, "sound");
            } else if (sound.get().node() instanceof org.snakeyaml.engine.v2.nodes.MappingNode) {
                soundOn = sounds(sound.get().asMap().orElseThrow(), sounds);
            } else {
                soundOn = sound.get().asBoolean().orElse(true) ? notifyOn : Set.of();
            }
        }
        m.finish();
        return new NotificationPrefs(notifyOn, soundOn, sounds);
    }

    /** {@code sound: {critical: alarm, warning: chime, info: none}}: the severities with a sound, and which. */
    private static Set<Severity> sounds(ConfigMap m, Map<Severity, AlertSound> sounds) {
        Set<Severity> soundOn = EnumSet.noneOf(Severity.class);
        for (String key : m.keys()) {
            Optional<Severity> severity = severity(key);
            if (severity.isEmpty()) {
                m.problem(key, "\"" + key + "\" is not a severity (critical, warning, info)");
                m.allow(key);
                continue;
            }
            m.get(key).ifPresent(v -> v.asString().ifPresent(text -> {
                Optional<AlertSound> s = AlertSound.parse(text);
                if (s.isEmpty()) {
                    v.problem("\"" + text + "\" is not a bundled sound (" + String.join(", ",
                            java.util.Arrays.stream(AlertSound.values()).map(AlertSound::id).toList()) + ")");
                } else if (s.get() != AlertSound.NONE) {
                    soundOn.add(severity.get());
                    sounds.put(severity.get(), s.get());
                }
            }));
        }
        m.finish();
        return soundOn;
    }

    private static Optional<Severity> severity(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> Optional.of(Severity.CRITICAL);
            case "warning" -> Optional.of(Severity.WARNING);
            case "info" -> Optional.of(Severity.INFO);
            default -> Optional.empty();
        };
    }

    private static Set<Severity> severities(ConfigMap m, String key) {
        Set<Severity> result = EnumSet.noneOf(Severity.class);
        for (ConfigValue v : m.list(key)) {
            v.asString().ifPresent(text -> severity(text).ifPresentOrElse(result::add,
                    () -> v.problem("\"" + text + "\" is not a severity (critical, warning, info)")));
        }
        return result;
    }

    private static List<String> strings(ConfigMap m, String key) {
        List<String> out = new ArrayList<>();
        m.list(key).forEach(v -> v.asString().ifPresent(out::add));
        return out;
    }
}
