package io.opsdeck.remediation;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One action of a plan: either {@code command} (an argument list run without a shell, with {@code env} and
 * {@code workdir}) or {@code http} (a request to an allow-listed URL). In a command, a placeholder such as
 * {@code {{host}}} may only be an entire argument or an entire environment value, never part of a larger string.
 */
public record ActionSpec(List<String> command, Map<String, String> env, String workdir, HttpSpec http) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    public ActionSpec {
        env = env == null ? Map.of() : Map.copyOf(env);
        if ((command == null || command.isEmpty()) == (http == null)) {
            throw new IllegalArgumentException("an action needs exactly one of 'command' (a non-empty list) or 'http'");
        }
        if (command != null) {
            command = List.copyOf(command);
            if (!command.get(0).startsWith("/") || command.get(0).contains("{{")) {
                throw new IllegalArgumentException("command[0] must be an absolute path without placeholders, not '" + command.get(0) + "'");
            }
            for (int i = 0; i < command.size(); i++) {
                wholeOnly("command[" + i + "]", command.get(i));
            }
            env.forEach((k, v) -> {
                if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("env: bad variable name '" + k + "'");
                }
                wholeOnly("env." + k, v);
            });
            if (workdir != null && workdir.contains("{{")) {
                throw new IllegalArgumentException("workdir may not contain placeholders");
            }
        }
    }

    /** A placeholder must be the whole value: '{{host}}' is fine, '--host={{host}}' is not. */
    private static void wholeOnly(String where, String value) {
        if (value.contains("{{") && !PLACEHOLDER.matcher(value).matches()) {
            throw new IllegalArgumentException(where + ": a placeholder must be an entire argument ('" + value
                    + "'); pass it as its own argument or an environment variable");
        }
    }

    /** The placeholder's name when {@code value} is exactly one placeholder, else null. */
    static String wholePlaceholder(String value) {
        Matcher m = PLACEHOLDER.matcher(value);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * An HTTP request. The URL (after configured variables) must start with one of {@code remediation.http_allow};
     * parameters inside it are URL-encoded; the JSON body is built with Jackson from {@code body}, so values are
     * always escaped as JSON strings.
     */
    public record HttpSpec(String method, String url, Map<String, Object> body, Map<String, String> headers) {
        public HttpSpec {
            method = method == null ? "POST" : method.toUpperCase(java.util.Locale.ROOT);
            if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                throw new IllegalArgumentException("http.method must be GET, POST, PUT, PATCH or DELETE, not " + method);
            }
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("http needs 'url'");
            }
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }
}
