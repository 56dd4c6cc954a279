package io.opsdeck.remediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns an {@link ActionSpec} and validated parameters into a {@link RenderedAction}, enforcing the allow-lists. */
final class ActionRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH = "/usr/local/bin:/usr/bin:/bin";

    private final RemediationSettings settings;

    ActionRenderer(RemediationSettings settings) {
        this.settings = settings;
    }

    RenderedAction render(ActionSpec spec, Map<String, String> params) {
        Map<String, String> vars = settings.vars();
        if (spec.command() != null) {
            List<String> argv = new ArrayList<>();
            for (String a : spec.command()) {
                argv.add(whole(a, vars, params));
            }
            String exe = argv.get(0);
            if (settings.commands().deny().contains(exe)
                    || (!settings.commands().allow().isEmpty() && !settings.commands().allow().contains(exe))) {
                throw new IllegalArgumentException("command " + exe + " is not allowed by remediation.commands");
            }
            Map<String, String> env = new TreeMap<>();
            env.put("PATH", PATH);
            spec.env().forEach((k, v) -> env.put(k, whole(v, vars, params)));
            return new RenderedAction("command", argv, env, spec.workdir() == null ? "/" : spec.workdir(), null, null, null, null);
        }
        ActionSpec.HttpSpec h = spec.http();
        String url = Placeholders.fill(h.url(), vars, Placeholders.Mode.URL, params::get);
        String problem = UrlPolicy.problem(url, settings.httpAllow());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        h.headers().forEach((k, v) -> headers.put(k, Placeholders.fill(v, vars, Placeholders.Mode.TEXT, params::get)));
        String body = null;
        if (h.body() != null) {
            try {
                // Jackson writes every value as a JSON value: a label can never break out of its string
                body = JSON.writeValueAsString(fillTree(h.body(), vars, params));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot build the JSON body: " + e.getOriginalMessage(), e);
            }
        }
        return new RenderedAction("http", null, null, null, h.method(), url, headers, body);
    }

    private static String whole(String arg, Map<String, String> vars, Map<String, String> params) {
        String name = ActionSpec.wholePlaceholder(arg);
        if (name == null) {
            return arg;
        }
        String v = vars.containsKey(name) ? vars.get(name) : params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no value for {{" + name + "}}");
        }
        return v;
    }

    private static Object fillTree(Object node, Map<String, String> vars, Map<String, String> params) {
        if (node instanceof String s) {
            return Placeholders.fill(s, vars, Placeholders.Mode.TEXT, params::get);
        }
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), fillTree(v, vars, params)));
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(v -> fillTree(v, vars, params)).toList();
        }
        return node;
    }
}
