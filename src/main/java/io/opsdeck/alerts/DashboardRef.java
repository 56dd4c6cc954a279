package io.opsdeck.alerts;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A dashboard to open for an alert: its id and variables, from the {@code dashboard} annotation
 * ({@code devops?var-instance=web-1}) or a role mapping.
 *
 * @param variables variable name (without {@code var-}) to value, in annotation order
 */
public record DashboardRef(String dashboardId, Map<String, String> variables) {

    public DashboardRef {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** Parses {@code id?var-a=1&var-b=2}; empty when the id is blank or not a plain identifier. */
    public static Optional<DashboardRef> parse(String annotation) {
        if (annotation == null || annotation.isBlank()) {
            return Optional.empty();
        }
        String text = annotation.strip();
        int q = text.indexOf('?');
        String id = q < 0 ? text : text.substring(0, q);
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            return Optional.empty();
        }
        Map<String, String> vars = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : text.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                vars.put(name.startsWith("var-") ? name.substring(4) : name, value);
            }
        }
        return Optional.of(new DashboardRef(id, vars));
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
