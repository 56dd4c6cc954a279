package io.opsdeck.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Source settings held in memory: for tests and the unwired shell. */
public final class InMemorySourceSettingsStore implements SourceSettingsStore {

    private final Map<String, SourceSettings> sources = new LinkedHashMap<>();

    public InMemorySourceSettingsStore(List<SourceSettings> initial) {
        initial.forEach(s -> sources.put(s.name(), s));
    }

    @Override
    public synchronized List<SourceSettings> list() {
        return List.copyOf(sources.values());
    }

    @Override
    public synchronized void save(SourceSettings source) {
        sources.put(source.name(), source);
    }

    @Override
    public synchronized void remove(String name) {
        sources.remove(name);
    }
}
