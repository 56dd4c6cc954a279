package io.opsdeck.console;

import java.io.IOException;
import java.util.List;

/** The configured sources; the config package implements it over opsdeck.yaml. Blocking: call off the UI thread. */
public interface SourceSettingsStore {

    List<SourceSettings> list() throws IOException;

    /** Adds the source or replaces the one with the same name. */
    void save(SourceSettings source) throws IOException;

    void remove(String name) throws IOException;
}
