package io.opsdeck.config;

import io.opsdeck.util.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping read key by key. Every key a binder asks for becomes "known"; {@link #finish()} then reports each
 * remaining key as unknown, with a "did you mean" for near misses. Absent optional keys give empty results; a
 * {@code required...} read of an absent key records a problem at the mapping's line.
 *
 * <pre>{@code
 * ConfigMap m = value.asMap().orElseThrow();
 * String name = m.requiredString("name").orElse("?");
 * Duration every = m.duration("interval").orElse(Duration.ofMinutes(1));
 * m.finish();
 * }</pre>
 */
public final class ConfigMap {

    private final ConfigValue self;
    private final Map<String, ConfigValue> entries = new LinkedHashMap<>();
    private final Map<String, Node> keyNodes = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    ConfigMap(ConfigValue self, MappingNode mapping) {
        this.self = self;
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalar)) {
                self.ctx.problem(keyNode, self.path(), "keys must be plain text");
                continue;
            }
            String key = scalar.getValue();
            String childPath = self.path().isEmpty() ? key : self.path() + "." + key;
            if (entries.containsKey(key)) {
                self.ctx.problem(keyNode, childPath, "duplicate key (first at line "
                        + ConfigContext.lineOf(keyNodes.get(key)) + ")");
                continue;
            }
            entries.put(key, new ConfigValue(tuple.getValueNode(), childPath, self.ctx));
            keyNodes.put(key, keyNode);
        }
    }

    /** The mapping itself as a value (its path and line). */
    public ConfigValue value() {
        return self;
    }

    /** The keys present, in file order. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    public boolean has(String key) {
        known.add(key);
        return entries.containsKey(key) && !entries.get(key).isNull();
    }

    /** Marks keys as known without reading them. */
    public void allow(String... keys) {
        known.addAll(List.of(keys));
    }

    /** The value at a key; absent or {@code null} values are empty. */
    public Optional<ConfigValue> get(String key) {
        known.add(key);
        ConfigValue v = entries.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    /** The value at a key, recording "missing required key" when absent. */
    public Optional<ConfigValue> required(String key) {
        Optional<ConfigValue> v = get(key);
        if (v.isEmpty()) {
            String path = self.path().isEmpty() ? key : self.path() + "." + key;
            self.ctx.problem(self.node(), path, "required key is missing");
        }
        return v;
    }

    public Optional<String> string(String key) {
        return get(key).flatMap(ConfigValue::asString);
    }

    public Optional<String> requiredString(String key) {
        return required(key).flatMap(ConfigValue::asString);
    }

    public Optional<Secret> secret(String key) {
        return get(key).flatMap(ConfigValue::asSecret);
    }

    public Optional<Boolean> bool(String key) {
        return get(key).flatMap(ConfigValue::asBoolean);
    }

    public Optional<Long> longValue(String key) {
        return get(key).flatMap(ConfigValue::asLong);
    }

    public Optional<Long> bytes(String key) {
        return get(key).flatMap(ConfigValue::asBytes);
    }

    public Optional<Duration> duration(String key) {
        return get(key).flatMap(ConfigValue::asDuration);
    }

    public Optional<HttpUrl> url(String key) {
        return get(key).flatMap(ConfigValue::asUrl);
    }

    public Optional<Path> file(String key) {
        return get(key).flatMap(ConfigValue::asFile);
    }

    public Optional<ConfigMap> map(String key) {
        return get(key).flatMap(ConfigValue::asMap);
    }

    /** A list; absent gives an empty list. */
    public List<ConfigValue> list(String key) {
        return get(key).flatMap(ConfigValue::asList).orElse(List.of());
    }

    /** A mapping of text to text, e.g. headers; values have {@code ${VAR}} expanded. */
    public Map<String, String> stringMap(String key) {
        Map<String, String> result = new LinkedHashMap<>();
        map(key).ifPresent(m -> {
            for (String k : m.keys()) {
                m.string(k).ifPresent(v -> result.put(k, v));
            }
        });
        return result;
    }

    /** Records a problem at a key (or at the mapping when the key is absent). */
    public void problem(String key, String message) {
        ConfigValue v = entries.get(key);
        if (v != null) {
            self.ctx.problem(keyNodes.get(key), v.path(), message);
        } else {
            self.problem(message);
        }
    }

    /** Reports every key no read asked for as unknown. Call after all reads. */
    public void finish() {
        for (Map.Entry<String, ConfigValue> e : entries.entrySet()) {
            if (known.contains(e.getKey())) {
                continue;
            }
            String message = Suggestions.closest(e.getKey(), known)
                    .map(s -> "unknown key; did you mean \"" + s + "\"?")
                    .orElseGet(() -> "unknown key (known keys: " + String.join(", ", new ArrayList<>(known)) + ")");
            self.ctx.problem(keyNodes.get(e.getKey()), e.getValue().path(), message);
        }
    }
}
