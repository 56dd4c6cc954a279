package io.opsdeck.agent;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.opsdeck.notify.Durations;
import io.opsdeck.notify.SecretSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Binds {@link AgentSettings} from YAML with Jackson; errors name the file, key path, line and column. */
final class SettingsYaml {

    private SettingsYaml() {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(Durations.jacksonModule())
            .registerModule(SecretSettings.jacksonModule())
            // the same spelling as the rest of opsdeck.yaml: max_attempts, webhook_auth, ...
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Every key the settings records know, snake_case: a camelCase key whose snake_case form is here was meant as that. */
    private static final java.util.Set<String> KEYS = keys(AgentSettings.class, new java.util.HashSet<>());

    /** Binds an {@code agent:} mapping (already parsed, e.g. by the main config loader). */
    static AgentSettings fromYaml(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return YAML.convertValue(YAML.createObjectNode(), AgentSettings.class);
        }
        String camel = camelCaseKey(node, "");
        if (camel != null) {
            throw new IllegalArgumentException("agent settings: " + camel);
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
    static AgentSettings load(Path file) {
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            JsonNode node = root != null && root.has("agent") ? root.get("agent") : root;
            String camel = node == null ? null : camelCaseKey(node, "");
            if (camel != null) {
                String key = camel.substring(camel.indexOf("unknown key '") + 13, camel.indexOf("':"));
                int line = lineOf(file, key);
                throw new IllegalArgumentException(file + ": " + camel + (line > 0 ? " (line " + line + ")" : ""));
            }
            try {
                AgentSettings settings = YAML.readerFor(AgentSettings.class)
                        .readValue(YAML.treeAsTokens(node == null ? YAML.createObjectNode() : node));
                return settings.resolvedAgainst(file.toAbsolutePath().getParent());
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
    static AgentSettings loadSection(Path file) {
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

    /**
     * The first key written in camelCase where a snake_case key is meant, as "at PATH: unknown key 'k': did you mean
     * 'k_k'?", or null. Checked before binding because a record's own checks (a required key "missing") would
     * otherwise speak first.
     */
    private static String camelCaseKey(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = camelCaseKey(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject() && !path.endsWith("headers") && !path.endsWith("vars")) {
            // (webhook headers and remediation vars are the user's own names)
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String snake = snakeCase(e.getKey());
                if (!snake.equals(e.getKey()) && KEYS.contains(snake)) {
                    return (path.isEmpty() ? "" : "at " + path + ": ") + "unknown key '" + e.getKey() + "': did you mean '"
                            + snake + "'? (agent settings keys are snake_case)";
                }
                String found = camelCaseKey(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static java.util.Set<String> keys(Class<?> type, java.util.Set<String> into) {
        if (!type.isRecord() || !type.getName().startsWith("io.opsdeck.")) {
            return into;
        }
        for (var c : type.getRecordComponents()) {
            var named = c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            named = named != null ? named : c.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            into.add(named != null && !named.value().isEmpty() ? named.value() : snakeCase(c.getName()));
            keys(c.getType(), into);
            if (c.getGenericType() instanceof java.lang.reflect.ParameterizedType p) {
                for (var arg : p.getActualTypeArguments()) {
                    if (arg instanceof Class<?> k) {
                        keys(k, into);
                    }
                }
            }
        }
        return into;
    }

    private static int lineOf(Path file, String key) throws IOException {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(^|[\\s{,-])" + java.util.regex.Pattern.quote(key) + "\\s*:");
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return -1;
    }

    /** maxAttempts -> max_attempts, the spelling a key written in camelCase was meant to have. */
    static String snakeCase(String key) {
        return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(key);
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
            String snake = snakeCase(u.getPropertyName());
            boolean known = u.getKnownPropertyIds() != null && u.getKnownPropertyIds().contains(snake);
            message = known && !snake.equals(u.getPropertyName())
                    ? "unknown key '" + u.getPropertyName() + "': did you mean '" + snake + "'? (agent settings keys are snake_case)"
                    : "unknown key '" + u.getPropertyName() + "' (known: " + u.getKnownPropertyIds() + ")";
        }
        JsonLocation loc = e.getLocation();
        String where = line <= 0 ? "" : loc != null && line == loc.getLineNr() ? " (line " + line + ", column " + loc.getColumnNr() + ")"
                : " (line " + line + ")";
        return (path.isEmpty() ? "" : "at " + path + ": ") + message + where;
    }
}
