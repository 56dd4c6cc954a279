package io.opsdeck.alerts;

import io.opsdeck.alertmanager.Matcher;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A silence's matchers compiled once, for testing many label sets: the same semantics as
 * {@link Matcher#matches} (missing label = empty string, regexes match the whole value) without a regex compile per
 * call.
 */
final class CompiledMatchers {

    private final String[] names;
    private final String[] values;
    private final Pattern[] patterns;
    private final boolean[] equal;

    CompiledMatchers(List<Matcher> matchers) {
        int n = matchers.size();
        names = new String[n];
        values = new String[n];
        patterns = new Pattern[n];
        equal = new boolean[n];
        for (int i = 0; i < n; i++) {
            Matcher m = matchers.get(i);
            names[i] = m.name();
            values[i] = m.value();
            patterns[i] = m.isRegex() ? Pattern.compile(m.value()) : null;
            equal[i] = m.isEqual();
        }
    }

    /** Whether every matcher accepts the label set. */
    boolean matches(Map<String, String> labels) {
        for (int i = 0; i < names.length; i++) {
            String actual = labels.getOrDefault(names[i], "");
            boolean hit = patterns[i] == null ? values[i].equals(actual) : patterns[i].matcher(actual).matches();
            if (hit != equal[i]) {
                return false;
            }
        }
        return true;
    }
}
