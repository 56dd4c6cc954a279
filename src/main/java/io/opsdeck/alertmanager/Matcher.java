package io.opsdeck.alertmanager;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher as Alertmanager 0.25 and amtool understand it: {@code name="value"}, {@code name!="value"},
 * {@code name=~"regex"} or {@code name!~"regex"}.
 *
 * <pre>{@code
 * Matcher m = Matcher.parse("severity=~\"crit|warn\"");
 * m.matches(Map.of("severity", "crit"));   // true
 * m.toString();                            // severity=~"crit|warn"
 * }</pre>
 *
 * @param name    label name
 * @param value   literal value, or the regular expression when {@code isRegex}
 * @param isRegex whether {@code value} is a regular expression (always fully anchored)
 * @param isEqual {@code false} negates the match ({@code !=}, {@code !~})
 */
public record Matcher(String name, String value, boolean isRegex, boolean isEqual) {

    // The same shape as Alertmanager 0.25's pkg/labels/parse.go; "=~" before "=" so the "~" is not swallowed.
    private static final Pattern SYNTAX =
            Pattern.compile("^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(=~|=|!=|!~)\\s*(.*?)\\s*$", Pattern.DOTALL);

    public Matcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (isRegex) {
            compile(name, value, isEqual);
        }
    }

    /** {@code name="value"}. */
    public static Matcher equal(String name, String value) {
        return new Matcher(name, value, false, true);
    }

    /** {@code name!="value"}. */
    public static Matcher notEqual(String name, String value) {
        return new Matcher(name, value, false, false);
    }

    /** {@code name=~"regex"}. */
    public static Matcher regex(String name, String regex) {
        return new Matcher(name, regex, true, true);
    }

    /** {@code name!~"regex"}. */
    public static Matcher notRegex(String name, String regex) {
        return new Matcher(name, regex, true, false);
    }

    /**
     * Parses one matcher; values may be quoted ({@code "a\"b"}, with {@code \n \" \\} escapes) or bare.
     *
     * @throws IllegalArgumentException naming the matcher when the syntax or the regular expression is bad
     */
    public static Matcher parse(String text) {
        Objects.requireNonNull(text, "text");
        java.util.regex.Matcher parts = SYNTAX.matcher(text);
        if (!parts.matches()) {
            throw new IllegalArgumentException("bad matcher '" + text
                    + "': expected name=value, name!=value, name=~regex or name!~regex");
        }
        String op = parts.group(2);
        String value = unquote(text, parts.group(3));
        return new Matcher(parts.group(1), value, op.endsWith("~"), op.startsWith("="));
    }

    private static String unquote(String text, String raw) {
        boolean quoted = raw.startsWith("\"");
        String body = quoted ? raw.substring(1) : raw;
        StringBuilder out = new StringBuilder(body.length());
        boolean closed = !quoted;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i < body.length() - 1) {
                char next = body.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case '"', '\\' -> out.append(next);
                    default -> out.append('\\').append(next); // a spurious escape stays literal, as in Alertmanager
                }
            } else if (c == '"') {
                if (!quoted || i < body.length() - 1) {
                    throw new IllegalArgumentException("bad matcher '" + text + "': unescaped double quote in the value");
                }
                closed = true;
            } else {
                out.append(c);
            }
        }
        if (!closed) {
            throw new IllegalArgumentException("bad matcher '" + text + "': the value's closing double quote is missing");
        }
        return out.toString();
    }

    /**
     * Whether a label set satisfies this matcher. A missing label counts as the empty string and regular expressions
     * must match the whole value, as in Alertmanager.
     */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        boolean hit = isRegex ? compile(name, value, isEqual).matcher(actual).matches() : value.equals(actual);
        return hit == isEqual;
    }

    private static Pattern compile(String name, String regex, boolean isEqual) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad matcher '" + render(name, regex, true, isEqual)
                    + "': invalid regular expression: " + e.getDescription(), e);
        }
    }

    /** The operator: one of {@code = != =~ !~}. */
    public String operator() {
        return operator(isRegex, isEqual);
    }

    private static String operator(boolean isRegex, boolean isEqual) {
        return (isEqual ? "=" : "!") + (isRegex ? "~" : (isEqual ? "" : "="));
    }

    /** The amtool syntax, value always quoted; {@link #parse} reads it back to an equal matcher. */
    @Override
    public String toString() {
        return render(name, value, isRegex, isEqual);
    }

    private static String render(String name, String value, boolean isRegex, boolean isEqual) {
        String escaped = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
        return name + operator(isRegex, isEqual) + "\"" + escaped + "\"";
    }
}
