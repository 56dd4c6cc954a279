package io.opsdeck.config;

/**
 * One thing wrong with a configuration file, printed as {@code file:line: key.path: message}.
 *
 * @param file the file as the user named it
 * @param line 1-based line, 0 when unknown (e.g. the file is missing)
 * @param key dotted key path such as {@code prometheus[1].timeout}; empty for the whole file
 * @param message what is wrong and, where possible, how to fix it
 */
public record ConfigProblem(String file, int line, String key, String message) {

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        b.append(": ");
        if (!key.isEmpty()) {
            b.append(key).append(": ");
        }
        return b.append(message).toString();
    }
}
