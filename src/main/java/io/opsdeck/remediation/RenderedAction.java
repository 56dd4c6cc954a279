package io.opsdeck.remediation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * The exact thing that will run, with every parameter filled in: an argument list with its environment and working
 * folder, or an HTTP method, URL, headers and JSON body. Shown to approvers as it is.
 */
public record RenderedAction(String kind, List<String> argv, Map<String, String> env, String workdir, String method, String url,
        Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RenderedAction {
        argv = argv == null ? List.of() : List.copyOf(argv);
        env = env == null ? Map.of() : Map.copyOf(env);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isCommand() {
        return "command".equals(kind);
    }

    /** One line for people: the argv as a JSON list (so argument boundaries are visible) or METHOD URL BODY. */
    public String describe() {
        try {
            return isCommand() ? "exec " + JSON.writeValueAsString(argv) + (env.isEmpty() ? "" : " env " + JSON.writeValueAsString(env))
                    : method + " " + url + (body == null ? "" : " " + body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
