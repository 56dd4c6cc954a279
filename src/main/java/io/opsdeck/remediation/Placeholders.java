package io.opsdeck.remediation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Fills {@code {{name}}} placeholders. Configured variables (trusted) go in as they are; parameters (validated alert
 * label values) are encoded for where they land: URL-encoded in URLs, escaped as a string literal in PromQL.
 */
final class Placeholders {

    enum Mode { URL, PROMQL, TEXT }

    private Placeholders() {
    }

    static String fill(String text, Map<String, String> vars, Mode mode, Function<String, String> params) {
        Matcher m = ActionSpec.PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (vars.containsKey(name)) {
                value = vars.get(name);
            } else {
                String raw = params.apply(name);
                if (raw == null) {
                    throw new IllegalArgumentException("no value for {{" + name + "}}");
                }
                value = switch (mode) {
                    case URL -> URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
                    case PROMQL -> raw.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
                    case TEXT -> raw;
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
