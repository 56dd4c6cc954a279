package io.opsdeck.notify;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** An Alertmanager-style label matcher: {@code =}, {@code !=}, {@code =~}, {@code !~}; regexes are anchored. */
public record LabelMatcher(String name, String op, String value, Pattern regex) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*(.*?)\\s*");

    public static LabelMatcher parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad matcher '" + text + "': use name=value, name!=value, name=~regex or name!~regex");
        }
        String value = m.group(3);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        Pattern regex = null;
        if (m.group(2).endsWith("~")) {
            try {
                regex = Pattern.compile("^(?:" + value + ")$");
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regex in matcher '" + text + "': " + e.getDescription());
            }
        }
        return new LabelMatcher(m.group(1), m.group(2), value, regex);
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (op) {
            case "=" -> actual.equals(value);
            case "!=" -> !actual.equals(value);
            case "=~" -> regex.matcher(actual).matches();
            default -> !regex.matcher(actual).matches();
        };
    }

    @Override
    public String toString() {
        return name + op + "\"" + value + "\"";
    }
}
