package io.opsdeck.dashboard.variables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code $v}, {@code ${v}}, {@code [[v]]}, {@code ${v:format}} and {@code [[v:format]]} like Grafana's
 * templateSrv. The default format for PromQL is Grafana's Prometheus one: a single-value variable is inserted as is
 * (single quotes escaped); a multi/All variable becomes {@code (a|b)} with regex metacharacters escaped by
 * {@code \\} so the result is valid inside a PromQL string. Unknown variables are left untouched.
 *
 * <pre>{@code
 * var t = new TemplateInterpolator(Map.of("host", value), builtIns);
 * t.interpolate("up{instance=~\"$host\"}");
 * }</pre>
 */
public final class TemplateInterpolator {

    /** Grafana's variableRegex. */
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?\\]\\]|\\$\\{(\\w+)(?:\\.([^:^}]+))?(?::([^}]+))?}");
    private static final Pattern PROM_META = Pattern.compile("[$^*{}\\[\\]'+?.()|]");
    private static final Pattern REGEX_META = Pattern.compile("[\\\\^$*+?.()|\\[\\]{}/]");

    /** How a variable's value is written when the reference names no format. */
    public enum DefaultFormat { PROMETHEUS, TEXT, RAW }

    private final Map<String, VariableValue> values;
    private final Map<String, String> builtIns;

    public TemplateInterpolator(Map<String, VariableValue> values, BuiltIns builtIns) {
        this.values = Map.copyOf(values);
        this.builtIns = builtIns == null ? Map.of() : builtIns.asMap();
    }

    /** Interpolates a PromQL expression. */
    public String interpolate(String text) {
        return interpolate(text, DefaultFormat.PROMETHEUS);
    }

    /** Interpolates with the given default format (TEXT for titles: multiple values joined by " + "). */
    public String interpolate(String text, DefaultFormat defaultFormat) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4);
            String fmt = m.group(3) != null ? m.group(3) : m.group(6);
            String replacement = replacement(name, fmt, defaultFormat);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Names of variables referenced in {@code text} (built-ins excluded). */
    public static List<String> referencedNames(String text) {
        List<String> names = new ArrayList<>();
        if (text == null) {
            return names;
        }
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4);
            if (!name.startsWith("__") && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private String replacement(String name, String fmt, DefaultFormat defaultFormat) {
        String builtin = builtIns.get(name);
        if (builtin != null) {
            return builtin;
        }
        VariableValue v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v.all() && v.allValue() != null && !"text".equals(fmt) && !"percentencode".equals(fmt)) {
            return v.allValue();
        }
        List<String> vals = v.values();
        if (fmt == null) {
            return switch (defaultFormat) {
                case PROMETHEUS -> prometheus(v);
                case TEXT -> v.all() ? "All" : String.join(" + ", vals);
                case RAW -> String.join(",", vals);
            };
        }
        return switch (fmt) {
            case "regex" -> vals.size() == 1 ? regexEscape(vals.get(0))
                    : "(" + String.join("|", vals.stream().map(TemplateInterpolator::regexEscape).toList()) + ")";
            case "pipe" -> String.join("|", vals);
            case "csv", "raw" -> String.join(",", vals);
            case "text" -> v.all() ? "All" : String.join(" + ", vals);
            case "json" -> "[" + String.join(",", vals.stream().map(s -> "\"" + s.replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"").toList()) + "]";
            case "singlequote" -> String.join(",", vals.stream().map(s -> "'" + s.replace("'", "\\'") + "'").toList());
            case "doublequote" -> String.join(",", vals.stream().map(s -> "\"" + s.replace("\"", "\\\"") + "\"")
                    .toList());
            case "percentencode" -> String.join(",", vals.stream().map(s -> java.net.URLEncoder.encode(s,
                    java.nio.charset.StandardCharsets.UTF_8)).toList());
            default -> vals.size() > 1 ? "{" + String.join(",", vals) + "}" : String.join(",", vals); // glob
        };
    }

    private static String prometheus(VariableValue v) {
        if (!v.multiOrAll()) {
            return String.join(",", v.values()).replace("'", "\\\\'");
        }
        List<String> escaped = v.values().stream().map(TemplateInterpolator::prometheusRegexEscape).toList();
        return escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
    }

    /** Grafana's prometheusSpecialRegexEscape: {@code a.b} becomes {@code a\\.b} (a PromQL-string-escaped regex). */
    public static String prometheusRegexEscape(String s) {
        String doubled = s.replace("\\", "\\\\\\\\");
        return PROM_META.matcher(doubled).replaceAll(r -> Matcher.quoteReplacement("\\\\" + r.group()));
    }

    /** Grafana's kbn.regexEscape, used by {@code ${v:regex}}. */
    public static String regexEscape(String s) {
        return REGEX_META.matcher(s).replaceAll(r -> Matcher.quoteReplacement("\\" + r.group()));
    }
}
