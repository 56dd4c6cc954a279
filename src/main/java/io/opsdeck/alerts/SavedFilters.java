package io.opsdeck.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Named filters per role in one JSON file ({@value #FILE_NAME}) under a directory. Every change is written to a
 * temporary file and moved over the old one atomically, so a crash never leaves half a file. A file that does not
 * parse is never overwritten: the error names it.
 *
 * <pre>{@code
 * SavedFilters saved = SavedFilters.in(configDir);
 * saved.save("oncall", "Critical, not acked", "severity=critical @state=firing");
 * saved.list("oncall");
 * }</pre>
 */
public final class SavedFilters {

    public static final String FILE_NAME = "saved-filters.json";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The file's shape. */
    record Stored(int version, Map<String, List<SavedFilter>> roles) {
    }

    private final Path file;

    private SavedFilters(Path file) {
        this.file = file;
    }

    /** The store in {@code dir} (created on first save). */
    public static SavedFilters in(Path dir) {
        return new SavedFilters(Objects.requireNonNull(dir, "dir").resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The role's filters in saved order; empty when none. */
    public synchronized List<SavedFilter> list(String role) {
        return List.copyOf(read().roles().getOrDefault(role, List.of()));
    }

    /** Roles with at least one saved filter, sorted. */
    public synchronized List<String> roles() {
        return List.copyOf(read().roles().keySet());
    }

    /**
     * Saves (or replaces by name) a filter for the role.
     *
     * @throws FilterException when the text does not parse (nothing is saved)
     */
    public synchronized void save(String role, String name, String filterText) {
        requireText(role, "role");
        requireText(name, "name");
        Filter.parse(filterText);
        Stored stored = read();
        List<SavedFilter> filters = new ArrayList<>(stored.roles().getOrDefault(role, List.of()));
        SavedFilter entry = new SavedFilter(name.strip(), filterText);
        int at = indexOf(filters, entry.name());
        if (at >= 0) {
            filters.set(at, entry);
        } else {
            filters.add(entry);
        }
        Map<String, List<SavedFilter>> roles = new TreeMap<>(stored.roles());
        roles.put(role, filters);
        write(new Stored(1, roles));
    }

    /** Removes the role's filter with this name; {@code false} when there was none. */
    public synchronized boolean delete(String role, String name) {
        Stored stored = read();
        List<SavedFilter> filters = new ArrayList<>(stored.roles().getOrDefault(role, List.of()));
        int at = indexOf(filters, name);
        if (at < 0) {
            return false;
        }
        filters.remove(at);
        Map<String, List<SavedFilter>> roles = new TreeMap<>(stored.roles());
        if (filters.isEmpty()) {
            roles.remove(role);
        } else {
            roles.put(role, filters);
        }
        write(new Stored(1, roles));
        return true;
    }

    private static int indexOf(List<SavedFilter> filters, String name) {
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private Stored read() {
        if (!Files.exists(file)) {
            return new Stored(1, new TreeMap<>());
        }
        try {
            Stored s = JSON.readValue(file.toFile(), Stored.class);
            if (s == null || s.roles() == null) {
                return new Stored(1, new TreeMap<>());
            }
            return new Stored(s.version(), new TreeMap<>(s.roles()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("saved filters file " + file + " is not valid: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "; fix or move it (it is left untouched)", e);
        } catch (IOException e) {
            throw new IllegalStateException("could not read saved filters file " + file + ": " + e, e);
        }
    }

    private void write(Stored stored) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), stored);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not write saved filters file " + file + ": " + e, e);
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a saved filter needs a " + what);
        }
    }
}
