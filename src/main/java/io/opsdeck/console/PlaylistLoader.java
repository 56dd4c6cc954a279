package io.opsdeck.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a wall playlist file. Errors name the file and the entry.
 *
 * <pre>{@code
 * # playlist.yaml
 * interval: 1m            # default for entries without one
 * entries:
 *   - dashboard: node-overview
 *     interval: 30s
 *   - tag: db             # every dashboard tagged "db"
 * }</pre>
 */
public final class PlaylistLoader {

    private PlaylistLoader() {
    }

    public static Playlist load(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /** Parses YAML text; {@code where} names its origin in error messages. */
    public static Playlist parse(String yaml, String where) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(where).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(where + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": expected a mapping with 'entries'");
        }
        Duration fallback = map.containsKey("interval")
                ? duration(map.get("interval"), where + ": interval") : Playlist.DEFAULT_INTERVAL;
        if (!(map.get("entries") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": 'entries' must be a non-empty list");
        }
        List<Playlist.Entry> entries = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String place = where + ": entries[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> e)) {
                throw new IllegalArgumentException(place + ": expected 'dashboard: ID' or 'tag: TAG'");
            }
            Object id = e.get("dashboard");
            Object tag = e.get("tag");
            if ((id == null) == (tag == null)) {
                throw new IllegalArgumentException(place + ": name exactly one of 'dashboard' and 'tag'");
            }
            Duration interval = e.containsKey("interval") ? duration(e.get("interval"), place + ".interval") : fallback;
            entries.add(new Playlist.Entry(id == null ? null : id.toString(), tag == null ? null : tag.toString(), interval));
        }
        return new Playlist(entries);
    }

    private static Duration duration(Object value, String place) {
        try {
            Duration d = DurationText.parse(String.valueOf(value));
            if (d.isZero()) {
                throw new IllegalArgumentException("'" + value + "' is zero");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(place + ": " + e.getMessage(), e);
        }
    }
}
